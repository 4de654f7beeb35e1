import { describe, expect, it } from 'vitest';
import { podGoroutines } from '../../../src/analysis/pods/goroutines';

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
