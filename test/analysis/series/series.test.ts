/** Growth across 3+ snapshots: the steady grower ranks first, not the one-off jump. */
import { describe, expect, it } from 'vitest';
import { rankSeries } from '../../../src/analysis/series/rank';
import { buildSeries } from '../../../src/analysis/series/series';
import { theilSen } from '../../../src/analysis/series/slope';
import { sampleTypeIndex } from '../../../src/model/profile';
import { loadProfile } from '../../reference/diff/ours';
import { synth } from '../../helpers/synthetic';

describe('Theil–Sen slope', () => {
  it('ignores one jump among steady points', () => {
    expect(theilSen([0, 1, 2, 3])).toBe(1);
    expect(theilSen([0, 100, 100, 100, 100])).toBe(0);
    expect(theilSen([5])).toBe(0);
  });
});

describe('series ranking', () => {
  it('puts the function growing at every step above a bigger one-off jump', () => {
    const snaps = [
      [{ stack: 'main;leak', value: 10 }, { stack: 'main;warm', value: 1 }],
      [{ stack: 'main;leak', value: 20 }, { stack: 'main;warm', value: 1000 }],
      [{ stack: 'main;leak', value: 30 }, { stack: 'main;warm', value: 1000 }],
      [{ stack: 'main;leak', value: 40 }, { stack: 'main;warm', value: 1000 }],
    ].map((s) => ({ profile: synth(s), sampleType: 0 }));
    const table = buildSeries(snaps, { granularity: 'function' });
    const ranked = rankSeries(table, 'flat');
    expect(table.names[ranked[0].key]).toBe('leak');
    expect(ranked[0]).toMatchObject({ grewSteps: 3, steps: 3, slope: 10, change: 30 });
    expect(Array.from(ranked[0].values)).toEqual([10, 20, 30, 40]);
    expect(table.names[ranked[1].key]).toBe('warm');
    // By cum, main holds both and grows every step.
    expect(table.names[rankSeries(table, 'cum')[0].key]).toBe('main');
  });

  const I5 = 'test/fixtures/incident5';
  it("incident 5: the re-registered handler's allocation site ranks first", async () => {
    const profiles = await Promise.all([1, 2, 3].map((i) => loadProfile(`${I5}/heap-${i}.pb.gz`)));
    const table = buildSeries(
      profiles.map((p) => ({ profile: p, sampleType: sampleTypeIndex(p, 'inuse_space') })),
      { granularity: 'function' },
    );
    const ranked = rankSeries(table, 'flat');
    const top = ranked[0];
    expect(table.names[top.key]).toBe('main.(*reportJob).collect');
    expect(top.grewSteps).toBe(2);
    // The one-off warm-up is bigger and jumped once: it must come after.
    const tz = ranked.findIndex((r) => table.names[r.key] === 'main.loadTimezoneDatabase');
    expect(tz).toBeGreaterThan(0);
    expect(ranked[tz].change).toBeGreaterThan(top.change);
  });
});
