import { describe, expect, it } from 'vitest';
import { groupByPod, NO_POD } from '../../../src/analysis/pods/group';
import { nameTimeNanos } from '../../../src/analysis/pods/name-time';
import { podTable } from '../../../src/analysis/pods/table';
import { podOf } from '../../../src/analysis/pods/pod-name';

describe('podOf', () => {
  it.each([
    // Pod folders, at any depth, above kind folders.
    ['api-7d4b9c6f5-x2k9p/heap.pb.gz', 'api-7d4b9c6f5-x2k9p'],
    ['incident/checkout-api-5c8f7b6d94-qwz7m/goroutine/1.txt', 'checkout-api-5c8f7b6d94-qwz7m'],
    ['dump/kafka-2/heap-1.pb.gz', 'kafka-2'],
    // Pod-named files.
    ['api-7d4b9c6f5-x2k9p-heap-20240501T120000.pb.gz', 'api-7d4b9c6f5-x2k9p'],
    ['profiles/kafka-10.goroutine.txt', 'kafka-10'],
    ['api-7d4b9c6f5-x2k9p_cpu.pprof', 'api-7d4b9c6f5-x2k9p'],
    // Any other folder name is the pod; kind folders and snapshot numbers are not.
    ['replica-a/heap.pb.gz', 'replica-a'],
    ['replica-a/heap/heap-2.pb.gz', 'replica-a'],
    ['heap-1.pb.gz', null],
    ['heap/goroutine-2.txt', null],
    ['../x', null],
    // Words are not hashes: the Kubernetes alphabet has no vowels.
    ['service-backend-heapdump.pb.gz', null],
  ])('%s → %s', (path, pod) => {
    expect(podOf(path)).toBe(pod);
  });
});

describe('nameTimeNanos', () => {
  it.each([
    ['heap-2024-05-01T12:30:00Z.pb.gz', Date.UTC(2024, 4, 1, 12, 30, 0)],
    ['api-x-heap-20240501T123000.pb.gz', Date.UTC(2024, 4, 1, 12, 30, 0)],
    ['goroutine_2024-05-01_12-30-05.txt', Date.UTC(2024, 4, 1, 12, 30, 5)],
    ['heap-1714566600.pb.gz', 1714566600_000],
  ])('%s', (name, ms) => {
    expect(nameTimeNanos(name)).toBe(ms * 1e6);
  });

  it('a name without a stamp has no time', () => {
    expect(nameTimeNanos('heap-1.pb.gz')).toBeNull();
    expect(nameTimeNanos('kafka-0-heap-20241399T999999.pb.gz')).toBeNull();
  });
});

describe('groupByPod', () => {
  const heap = { kind: 'pprof', profile: 'heap' } as const;
  const dump = { kind: 'goroutine-dump', form: 'debug=2' } as const;
  it('pods in natural order, kinds in reading order, snapshots by time (own time first, else the name), no pod last', () => {
    const groups = groupByPod([
      { id: 1, path: 'api-10/heap-b.pb.gz', kind: heap, timeNanos: 2e18 },
      { id: 2, path: 'api-10/heap-a.pb.gz', kind: heap, timeNanos: 1e18 },
      { id: 3, path: 'api-2/goroutine-20240501T120500.txt', kind: dump },
      { id: 4, path: 'api-2/goroutine-20240501T120000.txt', kind: dump },
      { id: 5, path: 'api-2/heap.pb.gz', kind: heap, timeNanos: 1e18 },
      { id: 6, path: 'notes.txt', kind: { kind: 'unknown' }, failed: true },
      { id: 7, path: 'api-2/broken.pb.gz', kind: { kind: 'unknown' }, failed: true },
    ]);
    expect(groups.map((g) => [g.pod, g.count, g.kinds.map((k) => [k.kind, k.snapshots.map((s) => s.id)])])).toEqual([
      ['api-2', 4, [['heap', [5]], ['goroutine', [4, 3]], ['unreadable', [7]]]],
      ['api-10', 2, [['heap', [2, 1]]]],
      [NO_POD, 1, [['unreadable', [6]]]],
    ]);
  });
});

describe('podTable', () => {
  const heap = { kind: 'pprof', profile: 'heap' } as const;
  const gr = { kind: 'pprof', profile: 'goroutine' } as const;
  const heapTotals = (inuse: number) => ({
    sampleTypes: [{ type: 'alloc_space', unit: 'bytes' }, { type: 'inuse_space', unit: 'bytes' }],
    defaultSampleType: 0,
    totals: [999, inuse],
  });
  const goroutines = (n: number) => ({ sampleTypes: [{ type: 'goroutine', unit: 'count' }], defaultSampleType: 0, totals: [n] });
  it('headline per kind, deviation from the median, the odd pod first, the median pod named', () => {
    const files = ['a', 'b', 'c', 'd', 'e'].flatMap((p, i) => [
      { id: i * 10 + 1, path: `api-${p}/heap.pb.gz`, kind: heap },
      { id: i * 10 + 2, path: `api-${p}/goroutine.pb.gz`, kind: gr },
    ]);
    const inuse = [100, 110, 90, 400, 105];
    const count = [50, 52, 49, 51, 300];
    const t = podTable(groupByPod(files), (id) => (id % 10 === 1 ? heapTotals(inuse[(id - 1) / 10]) : goroutines(count[(id - 2) / 10])));
    expect(t.columns.map((c) => [c.kind, c.sampleType, c.median, c.medianPod])).toEqual([
      ['heap', 'inuse_space', 105, 'api-e'],
      ['goroutine', 'goroutine', 51, 'api-d'],
    ]);
    expect(t.rows.map((r) => r.pod)).toEqual(['api-e', 'api-d', 'api-c', 'api-a', 'api-b']);
    expect(t.rows[0].cells[1]!.deviation).toBeCloseTo(249 / 51);
    expect(t.rows[1].cells[0]!.deviation).toBeCloseTo(295 / 105);
  });
});
