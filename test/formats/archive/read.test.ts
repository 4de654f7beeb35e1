/** Archives are untrusted input: every bad entry gets its reason, the others are read. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveFormat } from '../../../src/formats/archive/format';
import { readArchive } from '../../../src/formats/archive/read';
import type { ArchiveLimits } from '../../../src/formats/archive/limits';
import type { ArchiveEntry } from '../../../src/formats/archive/entry';
import { makeTar, makeTarGz, makeZip, type TestEntry } from '../../helpers/archives';

const heap = new Uint8Array(readFileSync('test/fixtures/incident1/heap-before.pb.gz'));
const dump = new Uint8Array(readFileSync('test/fixtures/incident3/goroutine-t1.debug2.txt'));
const two: TestEntry[] = [
  { name: 'api-7d4b9c6f5-x2k9p/heap.pb.gz', bytes: heap },
  { name: 'api-7d4b9c6f5-x2k9p/goroutine.txt', bytes: dump },
];

async function entries(bytes: Uint8Array, limits?: ArchiveLimits): Promise<ArchiveEntry[]> {
  const format = archiveFormat(bytes);
  if (!format) throw new Error('not an archive');
  const out: ArchiveEntry[] = [];
  for await (const e of readArchive(bytes, format, { limits })) out.push(e);
  return out;
}

const errors = (es: ArchiveEntry[]) => es.filter((e) => 'error' in e).map((e) => [e.path, (e as { error: string }).error]);
const read = (es: ArchiveEntry[]) => es.filter((e) => 'bytes' in e).map((e) => e.path);

describe.each([
  ['zip', makeZip],
  ['tar', makeTar],
  ['tar.gz', makeTarGz],
] as const)('%s', (format, make) => {
  it('is recognised by content and gives each entry its bytes, byte for byte', async () => {
    const bytes = await make(two);
    expect(archiveFormat(bytes)).toBe(format);
    const es = await entries(bytes);
    expect(read(es)).toEqual(two.map((e) => e.name));
    expect((es[0] as { bytes: Uint8Array }).bytes).toEqual(heap);
    expect((es[1] as { bytes: Uint8Array }).bytes).toEqual(dump);
  });

  it('an entry whose path leaves the archive is refused by name, the others kept', async () => {
    const es = await entries(await make([two[0], { name: '../x', bytes: dump }, two[1]]));
    expect(read(es)).toEqual(two.map((e) => e.name));
    expect(errors(es)).toEqual([['../x', expect.stringMatching(/path leaves the archive/)]]);
  });

  it('past the entry limit, the first unread entry is named with the limit', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ name: `pod-${i}/x.txt`, bytes: new Uint8Array([0x61]), stored: true }));
    const es = await entries(await make(many), { maxEntries: 2_000, maxTotalBytes: 1 << 30 });
    expect(read(es)).toHaveLength(2_000);
    expect(errors(es)).toEqual([['pod-2000/x.txt', expect.stringMatching(/more than 2,000 entries \(the limit\).*not read either/)]]);
  }, 60_000);

  it('a bomb stops at the inflated-size limit, named; entries before it are kept', async () => {
    const zeros = new Uint8Array(20 << 20);
    const es = await entries(await make([two[0], { name: 'bomb.bin', bytes: zeros }]), { maxEntries: 100, maxTotalBytes: 8 << 20 });
    expect(read(es)).toEqual([two[0].name]);
    expect(errors(es)).toEqual([['bomb.bin', expect.stringMatching(/inflate past the 8 MiB limit/)]]);
  });

  it('a nested archive is opened one level deep, its entries under its path', async () => {
    const inner = await make(two);
    const es = await entries(await make([{ name: 'pods.zip', bytes: inner }, { name: 'deeper.tar', bytes: await makeTar([{ name: 'in.tar', bytes: await makeTar(two) }]) }]));
    expect(read(es)).toEqual(two.map((e) => `pods.zip/${e.name}`));
    expect(errors(es)).toEqual([['deeper.tar/in.tar', expect.stringMatching(/tar archive inside an archive inside an archive/)]]);
  });

  it('a second reading picks entries by the addresses of the first, nested ones too, and reads nothing after the last', async () => {
    const third = { name: 'api-7d4b9c6f5-m4q8z/heap.pb.gz', bytes: new Uint8Array(readFileSync('test/fixtures/incident1/heap-after.pb.gz')) };
    const bytes = await make([two[0], { name: 'inner.tar.gz', bytes: await makeTarGz([two[1], third]) }, { name: '../x', bytes: dump }, third]);
    const all = await entries(bytes);
    expect(all.map((e) => [e.path, e.at])).toEqual([
      [two[0].name, [0]],
      [`inner.tar.gz/${two[1].name}`, [1, 0]],
      [`inner.tar.gz/${third.name}`, [1, 1]],
      ['../x', [2]],
      [third.name, [3]],
    ]);
    const pick = async (at: number[][]) => {
      const out: ArchiveEntry[] = [];
      for await (const e of readArchive(bytes, format, { pick: at })) out.push(e);
      return out;
    };
    const some = await pick([[3], [1, 1]]);
    expect(some.map((e) => e.path)).toEqual([`inner.tar.gz/${third.name}`, third.name]);
    for (const e of some) expect((e as { bytes: Uint8Array }).bytes).toEqual(third.bytes);
    // The first entry alone: the reader stops there (a truncated rest is never reached).
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.9));
    const first: ArchiveEntry[] = [];
    for await (const e of readArchive(format === 'zip' ? bytes : cut, format, { pick: [[0]] })) first.push(e);
    expect(first.map((e) => [e.path, 'bytes' in e && e.bytes.length])).toEqual([[two[0].name, heap.length]]);
  });
});

describe('damaged archives', () => {
  it('a password-protected zip entry is named as such, the others read', async () => {
    const es = await entries(await makeZip([two[0], { name: 'secret/heap.pb.gz', bytes: heap, password: 'hunter2' }, two[1]]));
    expect(read(es)).toEqual(two.map((e) => e.name));
    expect(errors(es)).toEqual([['secret/heap.pb.gz', expect.stringMatching(/password-protected/)]]);
  });

  it('a truncated zip says its table of contents is missing', async () => {
    const bytes = await makeZip(two);
    await expect(entries(bytes.subarray(0, bytes.length - 40))).rejects.toThrow(/zip archive: truncated or damaged/);
    await expect(entries(bytes.subarray(0, bytes.length - 40))).rejects.toMatchObject({ offset: bytes.length - 40 });
  });

  it('a damaged zip entry is named with the byte its local header starts at', async () => {
    const bytes = (await makeZip(two)).slice();
    // The second local header ("PK\3\4"), and bytes of its deflated data turned to 0xff: no longer a deflate stream.
    const starts = [...bytes.keys()].filter((i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4);
    expect(starts).toHaveLength(2);
    bytes.fill(0xff, starts[1] + 30 + two[1].name.length + 10, starts[1] + 30 + two[1].name.length + 40);
    const es = await entries(bytes);
    expect(read(es)).toEqual([two[0].name]);
    expect(errors(es)).toEqual([[two[1].name, expect.stringMatching(new RegExp(`^not read: .* \\(the entry at byte ${starts[1]}\\)$`))]]);
  });

  it.each([
    ['tar', makeTar],
    ['tar.gz', makeTarGz],
  ] as const)('a truncated %s keeps the entries before the cut and says where it stopped', async (_, make) => {
    const big = new Uint8Array(readFileSync('test/fixtures/incident1/heap-after.pb.gz'));
    const bytes = await make([two[0], { name: 'api-7d4b9c6f5-x2k9p/heap-after.pb.gz', bytes: big }]);
    const es = await entries(bytes.subarray(0, bytes.length - big.length / 2 - 1024));
    expect(read(es)).toEqual([two[0].name]);
    expect(errors(es)).toEqual([[expect.stringMatching(/heap/), expect.stringMatching(/truncated/)]]);
  });
});
