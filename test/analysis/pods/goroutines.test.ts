import { describe, expect, it } from 'vitest';
import { podGoroutines } from '../../../src/analysis/pods/goroutines';
import { groupByPod } from '../../../src/analysis/pods/group';
import { podSeries } from '../../../src/analysis/pods/series';

const snap = (counts: Record<string, number>) => Object.entries(counts).map(([key, count]) => ({ key, count }));

describe('podGoroutines', () => {
  it('counts side by side; growing in every pod first, then one pod only (growing before not), then by total', () => {
    const rows = podGoroutines([
      { pod: 'a', snapshots: [snap({ idle: 10, leak: 1 }), snap({ idle: 10, leak: 5 })] },
      { pod: 'b', snapshots: [snap({ idle: 10, leak: 2 }), snap({ idle: 12, leak: 9, odd: 3 })] },
      { pod: 'c', snapshots: [snap({ idle: 10, leak: 1, once: 1 }), snap({ idle: 9, leak: 4, once: 1 })] },
    ]);
    expect(rows.map((r) => [r.stack, r.counts, r.growth, r.onlyIn, r.growingEverywhere])).toEqual([
      ['leak', [5, 9, 4], [4, 7, 3], null, true],
      ['odd', [0, 3, 0], [0, 3, 0], 'b', false],
      ['once', [0, 0, 1], [0, 0, 0], 'c', false],
      ['idle', [10, 12, 9], [0, 2, -1], null, false],
    ]);
  });

  it('one snapshot per pod: no growth, nothing grows everywhere', () => {
    const rows = podGoroutines([{ pod: 'a', snapshots: [snap({ x: 1 })] }, { pod: 'b', snapshots: [snap({ x: 2 })] }]);
    expect(rows).toEqual([{ stack: 'x', counts: [1, 2], growth: [null, null], onlyIn: null, growingEverywhere: false, growingIn: [] }]);
  });
});

describe('podSeries', () => {
  const heap = { kind: 'pprof', profile: 'heap' } as const;
  const files = (pod: string, n: number, base: number) =>
    Array.from({ length: n }, (_, i) => ({ id: base + i, path: `${pod}/heap-${i}.pb.gz`, kind: heap, timeNanos: (i + 1) * 1e9 }));
  it('each pod with 3+ snapshots, and the merge per step when every pod has as many', () => {
    const [s] = podSeries(groupByPod([...files('a', 3, 10), ...files('b', 3, 20)]));
    expect(s.perPod).toEqual([{ pod: 'a', ids: [10, 11, 12] }, { pod: 'b', ids: [20, 21, 22] }]);
    expect(s.mergedSteps?.map((x) => x.parts.map((p) => p.id))).toEqual([[10, 20], [11, 21], [12, 22]]);
  });
  it('uneven series: no merged series; fewer than 3: no series', () => {
    expect(podSeries(groupByPod([...files('a', 3, 10), ...files('b', 4, 20)]))[0].mergedSteps).toBeNull();
    expect(podSeries(groupByPod([...files('a', 2, 10), ...files('b', 2, 20)]))).toEqual([]);
  });
});
