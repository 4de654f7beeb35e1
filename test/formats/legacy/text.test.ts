/**
 * gperftools' and Java's text profiles from hand-made texts: scaling, units, the memory
 * map, and the records and headers that are wrong.
 */
import { describe, expect, it } from 'vitest';
import { openBytes } from '../../../src/formats/open';
import { describeKind } from '../../../src/model/file-kind';
import { frameName, stackFrames, type Profile } from '../../../src/model/profile';
import { refusedAt } from '../../helpers/text-place';

const load = async (text: string) => openBytes(new TextEncoder().encode(text));
const stacks = (p: Profile) => Array.from(p.samples.stack, (n) => stackFrames(p, n).map((f) => frameName(p, f)).join(' '));
const column = (p: Profile, i: number) => Array.from(p.samples.values[i]);
const MAP = '--- Memory map: ---\n  00400000-00fcb000: /bin/server\n  7f0000000000-7f0000100000 r-xp 00000000 08:01 123 /lib/libc.so.6\n';

describe('gperftools contention (contentionz)', () => {
  const head = '--- contentionz 1 ---\ncycles/second = 2000000000\nsampling period = 100\nms since reset = 5000\n';

  it('scales counts by the period and cycles to nanoseconds; a record of zero count is kept', async () => {
    const { kind, profile, warnings } = await load(`${head}  4000  2 @ 0x401001 0x7f0000000010\n  0  0 @ 0x401001\n${MAP}`);
    expect(kind).toEqual({ kind: 'pprof', profile: 'mutex', legacy: 'gperftools contention text' });
    expect(describeKind(kind)).toBe('mutex profile (gperftools contention text)');
    expect(warnings).toEqual([]);
    const p = profile!;
    expect(column(p, 0)).toEqual([200, 0]);
    expect(column(p, 1)).toEqual([200_000, 0]); // 4000 cycles × 100 / 2 GHz
    expect(p.durationNanos).toBe(5e9);
    expect(stacks(p)[0]).toBe('0x401001 0x7f0000000010');
    expect(p.frames.count).toBe(2);
    expect([0, 1].map((f) => p.strings[p.frames.file[f]])).toEqual(['/bin/server', '/lib/libc.so.6']);
  });

  it('an unknown attribute or a line that is no record is an error naming its line', async () => {
    const colour = `${head}colour = blue\n`;
    await expect(load(colour)).rejects.toThrow(/^gperftools contention text: line 5 \(byte \d+\): unknown attribute "colour"$/);
    await expect(load(colour)).rejects.toMatchObject(refusedAt(colour, 5));
    const nonsense = `${head}  40 2 @ 0x1\nnonsense\n`;
    await expect(load(nonsense)).rejects.toThrow(/line 6 \(byte \d+\): not a "DELAY COUNT @ addresses" record: "nonsense"/);
    await expect(load(nonsense)).rejects.toMatchObject(refusedAt(nonsense, 6));
  });
});

describe('gperftools threads (threadz)', () => {
  it('one sample per thread; "same as previous" adds one; creator stacks appended; names ignored as pprof does', async () => {
    const text = `--- threadz 1 ---

--- Thread 1 (name: main/1) stack: ---
  PC:  0x00401000: helper(int)
  0x00402001: main
--- Thread 2 (name: t/2) stack: ---
  PC: 0x403000 0x403000
      creator: 0x402001
--- Thread 3 (name: t/3) stack: ---
  [same as previous thread]
`;
    const p = (await load(text)).profile!;
    expect(p.sampleTypes).toEqual([{ type: 'thread', unit: 'count' }]);
    expect(stacks(p)).toEqual(['0x401000 0x402001', '0x403000 0x402001']);
    expect(column(p, 0)).toEqual([1, 2]);
  });

  it('a line where a thread should start is an error naming it', async () => {
    const text = '--- threadz 1 ---\n--- not a thread ---\n';
    await expect(load(text)).rejects.toThrow('threadz text: line 2 (byte 18): not a "--- Thread … stack: ---" line');
    await expect(load(text)).rejects.toMatchObject(refusedAt(text, 2));
  });
});

describe('heap growth and gperftools heap text', () => {
  it('growthz: every allocation, unscaled, in objects and space, with the memory map', async () => {
    const text = `heap profile:  2: 300 [ 2: 300] @ growthz\n 1: 100 [ 1: 100] @ 0x401001\n 1: 200 [ 1: 200] @ 0x7f0000000011\n${MAP}`;
    const { profile, warnings } = await load(text);
    const p = profile!;
    expect(warnings).toEqual([]);
    expect(p.sampleTypes.map((t) => t.type)).toEqual(['objects', 'space']);
    expect(column(p, 1)).toEqual([100, 200]);
    expect([0, 1].map((f) => p.strings[p.frames.file[f]])).toEqual(['/bin/server', '/lib/libc.so.6']);
  });

  it('heapz_v2: unsampled by the rate; a record with no addresses kept in the totals', async () => {
    const text = 'heap profile: 2: 1024 [ 2: 1024] @ heapz_v2/524288\n 1: 512 [ 1: 512] @ 0x401001\n 1: 512 [ 1: 512] @\n';
    const p = (await load(text)).profile!;
    const scaled = Math.trunc(512 / (1 - Math.exp(-512 / 524288)));
    expect(column(p, 1)).toEqual([scaled, scaled]);
    expect(stacks(p)).toEqual(['0x401001', '']);
  });

  it('a truncated header is not taken for a heap profile', async () => {
    await expect(load('heap profile: 2: 1024 [ 2:\n')).rejects.toThrow('a text file that is not');
  });
});

describe('Java text profiles', () => {
  const symbols = '\n 0x0000003 com.example.A (A.java:3)\n 0x0000004 com.example.B (libfoo/b.so)\n';

  it('heapz: bytes and count swapped into pprof order, unsampled at 512 KiB, units from "resolution"', async () => {
    const text = `--- heapz 1 ---\nformat = java\nresolution = bytes\n   1024   2 @ 0x00000003 0x00000004\n${symbols}`;
    const { kind, profile } = await load(text);
    const p = profile!;
    expect(kind).toEqual({ kind: 'pprof', profile: 'heap', legacy: 'Java agent text' });
    expect(p.sampleTypes).toEqual([
      { type: 'inuse_objects', unit: 'count' },
      { type: 'inuse_space', unit: 'bytes' },
    ]);
    const scale = 1 / (1 - Math.exp(-512 / 524288));
    expect(column(p, 0)).toEqual([Math.trunc(2 * scale)]);
    expect(stacks(p)).toEqual(['com.example.A com.example.B']);
    expect(p.strings[p.frames.file[1]]).toBe('b.so');
  });

  it('heapz: a record of zero objects is an error naming its line', async () => {
    const text = '--- heapz 1 ---\nformat = java\nresolution = bytes\n 1024 0 @ 0x3\n';
    await expect(load(text)).rejects.toThrow('Java agent text: line 4 (byte 49): a heap record of 1024 bytes in 0 objects');
    await expect(load(text)).rejects.toMatchObject(refusedAt(text, 4));
  });

  it('contentionz: counts and delays times the period, delay in the file unit; unknown ids stay addresses', async () => {
    const text = `--- contentionz 1 ---\nformat = java\nresolution = microseconds\nsampling period = 100\n  7  1 @ 0x00000003 0x00000009\n${symbols}`;
    const { kind, profile } = await load(text);
    const p = profile!;
    expect(kind).toEqual({ kind: 'pprof', profile: 'mutex', legacy: 'Java agent text' });
    expect(p.sampleTypes[1]).toEqual({ type: 'delay', unit: 'microseconds' });
    expect([column(p, 0), column(p, 1)]).toEqual([[100], [700]]);
    expect(stacks(p)).toEqual(['com.example.A 0x9']);
  });

  it('no "resolution": the unit is unknown, said as such', async () => {
    await expect(load('--- heapz 1 ---\nformat = java\n 1 1 @ 0x3\n')).rejects.toThrow('no "resolution" line');
  });
});
