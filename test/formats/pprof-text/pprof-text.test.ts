/**
 * debug=1 text profiles (heap, allocs, mutex, block, threadcreate). The fixtures in
 * test/fixtures/debug1 were written by Go 1.26 (gen/cmd/debug1), each text next to the
 * proto of the same moment. The text must read as `go tool pprof` reads the proto:
 * the proto's golden (made by the real tool) is the expected answer for both.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameName, stackFrames, type Profile } from '../../../src/model/profile';
import { scaleHeapSample } from '../../../src/formats/pprof-text/heap';
import { parsePprofText } from '../../../src/formats/pprof-text';
import { refusedAt } from '../../helpers/text-place';
import { openBytes, type OpenedFile } from '../../../src/formats/open';
import { hasGo, pprofTop } from '../../reference/go-pprof';
import { goldenName, readGolden, type GoldenFile } from '../../reference/make-golden';
import { goldenRows, topRows } from '../../reference/top-rows';

const DIR = 'test/fixtures/debug1';
const NAMES = ['heap', 'allocs', 'mutex', 'block'] as const;
/** Go 1.26's texts (gen/cmd/debug1), and Go 1.16–1.25's (its versions.sh). */
const DIRS = ['debug1', ...readdirSync('test/fixtures/debug1-versions').map((v) => `debug1-versions/${v}`)];
const committed = (rel: string) => readGolden<GoldenFile>(goldenName(rel));

const load = async (path: string) => openBytes(new Uint8Array(readFileSync(path)));
const loadText = async (text: string) => openBytes(new TextEncoder().encode(text));
const total = (p: Profile, i: number) => p.samples.values[i].reduce((a, b) => a + b, 0);

const top10 = (p: Profile, type: string, by: 'flat' | 'cum') =>
  topRows(p, { sampleType: p.sampleTypes.findIndex((t) => t.type === type), granularity: 'function' }, by);

describe.each(DIRS.flatMap((d) => NAMES.map((n) => [d, n] as const)))('%s/%s.txt against the proto of the same moment', (dir, name) => {
  const golden = committed(`${dir}/${name}.pb.gz`);

  it('is recognised by its content, with the kind its header names', async () => {
    const { kind, warnings } = await load(`test/fixtures/${dir}/${name}.txt`);
    // The text does not say "allocs": it is the heap profile's text, read with its default (inuse_space).
    expect(kind).toEqual({ kind: 'pprof', profile: name === 'allocs' ? 'heap' : name, text: true });
    expect(warnings).toEqual([]);
  });

  it.each(Object.keys(golden.byType))('%s: total and top 10 by flat and by cum equal go tool pprof on the proto', async (type) => {
    const { profile } = await load(`test/fixtures/${dir}/${name}.txt`);
    const p = profile!;
    expect(p.sampleTypes).toEqual(golden.sampleTypes);
    const want = golden.byType[type];
    expect(total(p, p.sampleTypes.findIndex((t) => t.type === type))).toBe(want.total);
    expect(top10(p, type, 'flat')).toEqual(goldenRows(want.top));
    expect(top10(p, type, 'cum')).toEqual(goldenRows(want.cumTop));
  });
});

describe.each(DIRS)('%s/threadcreate.txt against the proto of the same moment', (dir) => {
  it('is a threadcreate profile with the same total; every function it names has the same cum', async () => {
    const { profile, kind } = await load(`test/fixtures/${dir}/threadcreate.txt`);
    expect(kind).toEqual({ kind: 'pprof', profile: 'threadcreate', text: true });
    const p = profile!;
    const want = committed(`${dir}/threadcreate.pb.gz`).byType.threadcreate;
    expect(total(p, 0)).toBe(want.total);
    // Count profiles' text hides the runtime frames at the leaf (printStackRecord) and the
    // empty PCs after goexit, and prints a PC with no function as "#\t0x0" (kept as "0x0";
    // pprof says "<unknown>"). The proto keeps all three. What the text does name must agree.
    const named = want.cumTop.filter((r) => !/^(runtime\.|<unknown>)/.test(r.name));
    expect(named.length).toBeGreaterThan(0);
    const ours = new Map(top10(p, 'threadcreate', 'cum').map((r) => [r.name, r.cum]));
    for (const r of named) expect(ours.get(r.name), r.name).toBe(r.cum);
  });
});

describe('what the text adds', () => {
  it('the heap text keeps runtime.MemStats as comments', async () => {
    const { profile } = await load(`${DIR}/heap.txt`);
    expect(profile!.comments[0]).toBe('runtime.MemStats');
    expect(profile!.comments).toContainEqual(expect.stringMatching(/^HeapAlloc = \d+$/));
    expect(profile!.comments).toContainEqual(expect.stringMatching(/^NumGC = \d+$/));
    expect(profile!.period).toBe(512 * 1024);
    // The 256-slot pause ring's unused slots are written as one run.
    expect(profile!.comments).toContainEqual(expect.stringMatching(/^PauseNs = \[(\d+ )+0 ×\d+\]$/));
  });

  it('heap samples carry the object size label, as the proto does', async () => {
    const [text, proto] = [await load(`${DIR}/heap.txt`), await load(`${DIR}/heap.pb.gz`)];
    const sizes = (l: OpenedFile) => {
      const p = l.profile!;
      const key = p.strings.indexOf('bytes');
      return [...p.labels.num.subarray(0, p.labels.count)].filter((_, i) => p.labels.key[i] === key).sort((a, b) => a - b);
    };
    // The text also lists the profile write's own buckets, still empty; they have no size.
    expect(sizes(text)).toEqual(sizes(proto));
  });

  it.each(DIRS)('%s mutex: the period is applied only where the runtime printed raw counts (Go 1.19 and before), and it says so', async (dir) => {
    const go = existsSync(`test/fixtures/${dir}/GO_VERSION`) ? readFileSync(`test/fixtures/${dir}/GO_VERSION`, 'utf8').trim() : 'go1.26';
    const raw = Number(/^go1\.(\d+)/.exec(go)![1]) <= 19;
    const { profile } = await load(`test/fixtures/${dir}/mutex.txt`);
    expect(profile!.comments).toEqual([
      raw
        ? 'sampling period 5: counts and delays multiplied by 5, as the runtime that wrote these raw counts did for its proto form'
        : 'sampling period 5: every count and delay is a multiple of it, so the runtime had already scaled them',
    ]);
  });
});

describe.runIf(hasGo())('go tool pprof on the text itself', () => {
  it.each(['heap', 'block', 'threadcreate'] as const)('%s: the same total for every sample type', async (name) => {
    const { profile } = await load(`${DIR}/${name}.txt`);
    const p = profile!;
    p.sampleTypes.forEach((t, i) => {
      expect(pprofTop(`${DIR}/${name}.txt`, { sampleIndex: t.type }).total).toBe(total(p, i));
    });
  });

  it('mutex: pprof multiplies counts the runtime had already scaled, so it reads the period times the proto', async () => {
    const { profile } = await load(`${DIR}/mutex.txt`);
    const p = profile!;
    const period = 5;
    for (const [i, t] of p.sampleTypes.entries()) {
      const pprofText = pprofTop(`${DIR}/mutex.txt`, { sampleIndex: t.type }).total;
      const pprofProto = pprofTop(`${DIR}/mutex.pb.gz`, { sampleIndex: t.type }).total;
      expect(total(p, i)).toBe(pprofProto);
      expect(Math.abs(pprofText - period * pprofProto)).toBeLessThanOrEqual(period * p.samples.count);
    }
  });
});

const FRAMES = [
  '#\t0x4e4166\tmain.(*cache).lookup+0x106\t/src/cache.go:44',
  '#\t0x4e463c\tmain.serve+0x11c\t\t/src/main.go:62',
].join('\n');

describe('hand-made edge cases', () => {
  it('mutex text from a runtime that did not scale: counts and delays are multiplied by the period', async () => {
    const text = `--- mutex:\ncycles/second=2000000000\nsampling period=10\n4000 3 @ 0x4e4167 0x4e463d\n${FRAMES}\n\n2000 2 @ 0x4e4167\n${FRAMES.split('\n')[0]}\n\n`;
    const { profile, kind } = await loadText(text);
    const p = profile!;
    expect(kind).toEqual({ kind: 'pprof', profile: 'mutex', text: true });
    expect([...p.samples.values[0]]).toEqual([30, 20]);
    expect([...p.samples.values[1]]).toEqual([20000, 10000]); // 4000 cycles at 2 GHz = 2000 ns, ×10
    expect(p.comments[0]).toMatch(/multiplied by 10/);
  });

  it('a raw count that happens to be a multiple of the period is still raw when its delay is not', async () => {
    // Go 1.17's mutex text in debug1-versions has one record, 210 contentions: a multiple of 5 by chance.
    const { profile } = await loadText(`--- mutex:\ncycles/second=1000000000\nsampling period=10\n4001 10 @ 0x1\n${FRAMES}\n\n`);
    expect([profile!.samples.values[0][0], profile!.samples.values[1][0]]).toEqual([100, 40010]);
  });

  it('block text: cycles become nanoseconds; the leaf is the first frame line', async () => {
    const { profile, kind } = await loadText(`--- contention:\ncycles/second=1000000000\n500 7 @ 0x4e4167 0x4e463d\n${FRAMES}\n\n`);
    const p = profile!;
    expect(kind).toEqual({ kind: 'pprof', profile: 'block', text: true });
    expect([p.samples.values[0][0], p.samples.values[1][0]]).toEqual([7, 500]);
    expect(stackFrames(p, p.samples.stack[0]).map((f) => frameName(p, f))).toEqual(['main.(*cache).lookup', 'main.serve']);
  });

  it('contention text without cycles/second keeps cycles and warns', async () => {
    const { profile, warnings } = await loadText(`--- contention:\n500 7 @ 0x1\n#\t0x1\n\n`);
    expect(profile!.samples.values[1][0]).toBe(500);
    expect(warnings).toEqual(['no "cycles/second" line: delays are shown in CPU cycles, as written']);
  });

  it('a heap record with no frame lines keeps its PCs as frames, leaf first', async () => {
    const { profile } = await loadText('heap profile: 1: 64 [2: 128] @ heap/1048576\n1: 64 [2: 128] @ 0x10 0x20\n\n');
    const p = profile!;
    expect(stackFrames(p, p.samples.stack[0]).map((f) => frameName(p, f))).toEqual(['0x10', '0x20']);
  });

  it('heap values are scaled by the sampler odds at half the header rate, as pprof and the proto writer do', async () => {
    const { profile } = await loadText(`heap profile: 1: 64 [2: 128] @ heap/1048576\n1: 64 [2: 128] @ 0x1\n${FRAMES}\n\n`);
    const p = profile!;
    const [objects, bytes] = scaleHeapSample(2, 128, 524288);
    expect(objects).toBe(16385); // 2 / (1-exp(-64/524288)): about 8192.5 per sampled object
    expect([p.samples.values[0][0], p.samples.values[1][0]]).toEqual([objects, bytes]);
    expect(p.sampleTypes[p.defaultSampleType].type).toBe('inuse_space');
  });

  it('odds too small for exp (an object under 2^-53 of the rate) scale by their limit, never to Infinity', async () => {
    // 1-exp(-x) rounds to 0 below x = 2^-53, where Go's formula divides by zero; it is x there.
    expect(scaleHeapSample(4, 1, 2 ** 53)).toEqual([4 * 2 ** 55, 2 ** 55]);
    await expect(loadText(`heap profile: 1: 64 [2: 128] @ heap/18446744073709551616\n1: 64 [2: 128] @ 0x1\n${FRAMES}\n\n`)).rejects.toThrow(
      /sampling rate 18446744073709551616 is past 2\^53/,
    );
  });

  it('a writer that does not tell allocations from live objects gets two sample types', async () => {
    const { profile } = await loadText(`heap profile: 4: 400 [4: 400] @ heap_v2/1\n4: 400 [4: 400] @ 0x1\n${FRAMES}\n\n`);
    expect(profile!.sampleTypes.map((t) => t.type)).toEqual(['objects', 'space']);
    expect([profile!.samples.values[0][0], profile!.samples.values[1][0]]).toEqual([4, 400]); // rate 1: unscaled
  });

  it('a record with bytes but no objects is skipped and named', async () => {
    const { profile, warnings } = await loadText(`heap profile: 1: 64 [1: 64] @ heap/2\n0: 64 [1: 64] @ 0x1\n${FRAMES}\n\n1: 8 [1: 8] @ 0x2\n${FRAMES}\n\n`);
    expect(profile!.samples.count).toBe(1);
    expect(warnings).toEqual(['line 2: skipped a record with bytes but no objects']);
  });

  it('a text cut off inside a record keeps what came before and says where it stopped', async () => {
    const full = readFileSync(`${DIR}/block.txt`, 'utf8');
    const cut = full.slice(0, full.indexOf('\n', full.indexOf('\n\n') + 40));
    const { profile, warnings } = await loadText(cut);
    expect(profile!.samples.count).toBeGreaterThanOrEqual(1);
    expect(warnings.join('\n')).toMatch(/ends inside the record at line \d+: the profile was cut off/);
  });

  it('a threadcreate text is a count profile of threads', async () => {
    const { profile, kind, warnings } = await loadText(`threadcreate profile: total 3\n3 @ 0x1\n${FRAMES}\n\n`);
    expect(kind).toEqual({ kind: 'pprof', profile: 'threadcreate', text: true });
    expect(profile!.sampleTypes).toEqual([{ type: 'threadcreate', unit: 'count' }]);
    expect(warnings).toEqual([]);
  });

  it('names from the text are kept as data', async () => {
    const { profile } = await loadText(`--- contention:\ncycles/second=1000000000\n1 1 @ 0x1\n#\t0x1\tmain.<img src=x onerror=alert(1)>+0x1\t/a.go:1\n\n`);
    expect(profile!.strings).toContain('main.<img src=x onerror=alert(1)>');
  });
});

describe('refusals name their line and byte offset', () => {
  it('a header the form does not fit', () => {
    const text = '\n  \n--- mutex:\n';
    const parse = () => parsePprofText(new TextEncoder().encode(text), 'heap');
    expect(parse).toThrow(expect.objectContaining(refusedAt(text, 3)));
    expect(parse).toThrow(/^line 3 \(byte 4\): the first line is not a "heap profile: …" header/);
  });

  it('a memory map past its limit, at the range past it', async () => {
    const head = 'heap profile: 1: 64 [1: 64] @ heapprofile\n1: 64 [1: 64] @ 0x1\n\n--- Memory map: ---\n';
    const ranges = Array.from({ length: 100_001 }, (_, i) => `${(2 * i).toString(16)}-${(2 * i + 1).toString(16)} r-xp 0 00:00 0 /lib${i}.so\n`);
    const text = head + ranges.join('');
    await expect(loadText(text)).rejects.toMatchObject(refusedAt(text, 4 + 100_001));
    await expect(loadText(text)).rejects.toThrow(/the memory map lists more than 100000 ranges/);
  });
});
