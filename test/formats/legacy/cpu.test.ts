/**
 * The legacy binary CPU profile from hand-made bytes: each word size and byte order,
 * the records pprof cleans up (signal-handler frame, doubled leaf), and files cut short.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../../src/analysis/calltree/calltree';
import { openBytes } from '../../../src/formats/open';
import { frameName, stackFrames, type Profile } from '../../../src/model/profile';
import { hasGo, pprofTop } from '../../reference/go-pprof';
import { topRows } from '../../reference/top-rows';

/** Words (bigint for 64-bit addresses) in the given size and order, then optional text. */
function cpuBytes(words: (number | bigint)[], wordBytes: 4 | 8, littleEndian: boolean, text = ''): Uint8Array {
  const tail = new TextEncoder().encode(text);
  const out = new Uint8Array(words.length * wordBytes + tail.length);
  const view = new DataView(out.buffer);
  words.forEach((w, i) => {
    if (wordBytes === 4) view.setUint32(i * 4, Number(w), littleEndian);
    else view.setBigUint64(i * 8, BigInt(w), littleEndian);
  });
  out.set(tail, words.length * wordBytes);
  return out;
}

const HEADER = [0, 3, 0, 10000, 0]; // C++, 10 ms period
const END = [0, 1, 0];
const MAP = '--- Memory map: ---\n00400000-00500000: /bin/server\n7f0000000000-7f0000100000: /lib/libc.so.6\n';

const stacks = (p: Profile) =>
  Array.from(p.samples.stack, (n, i) => [stackFrames(p, n).map((f) => frameName(p, f)).join(' '), p.samples.values[0][i]]);

const fileOf = (p: Profile, name: string) => {
  const f = Array.from({ length: p.frames.count }, (_, i) => i).find((i) => frameName(p, i) === name);
  return f === undefined ? undefined : p.strings[p.frames.file[f]];
};

describe('legacy CPU profile', () => {
  it.each([
    [4, true],
    [4, false],
    [8, true],
    [8, false],
  ] as const)('%i-byte words, little-endian %s: counts, period and address frames', async (size, le) => {
    const words = [...HEADER, 3, 2, 0x401000, 0x402001, 0, 1, 0x401000, ...END];
    const { kind, profile, warnings } = await openBytes(cpuBytes(words, size, le, MAP));
    expect(kind).toEqual({ kind: 'pprof', profile: 'cpu', legacy: 'legacy binary CPU profile' });
    expect(warnings).toEqual([]);
    const p = profile!;
    expect(p.sampleTypes).toEqual([
      { type: 'samples', unit: 'count' },
      { type: 'cpu', unit: 'nanoseconds' },
    ]);
    expect(p.period).toBe(10_000_000);
    expect(stacks(p)).toEqual([
      ['0x401000 0x402001', 3],
      ['0x401000', 0],
    ]);
    expect(Array.from(p.samples.values[1])).toEqual([30_000_000, 0]);
    expect(fileOf(p, '0x401000')).toBe('/bin/server');
  });

  it('a 32-bit big-endian profile reads as go tool pprof reads it', async () => {
    const words = [...HEADER, 2, 3, 0x401010, 0x401010, 0x402000, 5, 2, 0x7f00, 0x402000, ...END];
    const bytes = cpuBytes(words, 4, false, '--- Memory map: ---\n00400000-00500000: /bin/server\n');
    const p = (await openBytes(bytes)).profile!;
    // The leaf reported twice (0x401010 from the signal context and from the stack) is kept once.
    expect(stacks(p)).toEqual([
      ['0x401010 0x402000', 2],
      ['0x7f00 0x402000', 5],
    ]);
    // No mapping holds 0x7f00: no file, which pprof shows as <unknown>.
    expect(fileOf(p, '0x7f00')).toBe('');
    expect(fileOf(p, '0x402000')).toBe('/bin/server');
    if (!hasGo()) return;
    const file = join(mkdtempSync(join(tmpdir(), 'legacy-cpu-')), 'be32.cpu');
    writeFileSync(file, bytes);
    const want = pprofTop(file, { sampleIndex: 'cpu' });
    const spec = { sampleType: 1, granularity: 'function' } as const;
    expect(buildCallTree(p, spec).profileTotal).toBe(want.total);
    expect(want.rows.map((r) => r.name).sort()).toEqual(['<unknown>', '[server]']);
    expect(topRows(p, spec, 'flat').map((r) => r.name).sort()).toEqual(['<unknown>', '[server]']);
  });

  it('64-bit addresses above 2^53 keep every digit', async () => {
    const words = [...HEADER, 1, 1, 0xffffffffff600123n, ...END];
    const p = (await openBytes(cpuBytes(words, 8, true))).profile!;
    expect(frameName(p, 0)).toBe('0xffffffffff600123');
  });

  it('cuts the second frame nearly every record shares (the signal handler), as pprof does', async () => {
    const words = [...HEADER, 1, 4, 0x401000, 0x4ff000, 0x402000, 0x405000, 1, 4, 0x401100, 0x4ff000, 0x403000, 0x405000, ...END];
    const p = (await openBytes(cpuBytes(words, 8, true))).profile!;
    expect(stacks(p).map(([s]) => s)).toEqual(['0x401000 0x402000 0x405000', '0x401100 0x403000 0x405000']);
  });

  it('a header cut short is named as such', async () => {
    const bytes = cpuBytes(HEADER, 8, true).subarray(0, 30);
    await expect(openBytes(bytes)).rejects.toMatchObject({
      kind: { kind: 'pprof', profile: 'other', legacy: 'legacy binary CPU profile' },
      message: 'legacy binary CPU profile: the header is cut short: 30 bytes of its 40 (64-bit little-endian words)',
      offset: 0,
    });
  });

  it('a record that runs past the end says where it starts', async () => {
    const bytes = cpuBytes([...HEADER, 1, 4, 0x401000], 4, false);
    await expect(openBytes(bytes)).rejects.toMatchObject({
      message: 'legacy binary CPU profile: the record at byte 20 says 4 addresses, but 4 bytes are left',
      offset: 20,
    });
  });

  it('no end-of-data record: every complete record kept, with a warning', async () => {
    const { profile, warnings } = await openBytes(cpuBytes([...HEADER, 2, 1, 0x401000], 8, false));
    expect(profile!.samples.count).toBe(1);
    expect(warnings).toEqual(['no end-of-data record: the profile may have been cut short; kept every complete record']);
  });

  it('Java: names from the symbol lines after the records, addresses for the rest', async () => {
    const words = [0, 3, 1, 10000, 0, 2, 2, 3, 4, 1, 1, 9, ...END];
    const text = ' 0x00000003 com.example.Leaf (Leaf.java:12)\n 0x4 VM\n';
    const p = (await openBytes(cpuBytes(words, 4, true, text))).profile!;
    expect(stacks(p)).toEqual([
      ['com.example.Leaf VM', 2],
      ['0x9', 1],
    ]);
  });
});
