/** The diff tree, table, flame answers and totals on hand-made profiles. */
import { describe, expect, it } from 'vitest';
import { diffFlame, type DiffFlameNode } from '../../../src/analysis/diff/flame';
import { mergeDiffTree, resolveMergedPath } from '../../../src/analysis/diff/merge';
import { defaultDiffOptions } from '../../../src/analysis/diff/meaning';
import { roundHalfAway } from '../../../src/analysis/diff/normalize';
import { diffEntries, sortDiff } from '../../../src/analysis/diff/top';
import { buildDiffTree, type DiffView } from '../../../src/analysis/diff/tree';
import type { DiffMeaning } from '../../../src/analysis/diff/meaning';
import type { Profile } from '../../../src/model/profile';
import { synth } from '../../helpers/synthetic';

const fn: DiffView = { granularity: 'function' };
const diff = (b: Profile, a: Profile, meaning: DiffMeaning = 'diff_base', normalize = false, view = fn) =>
  buildDiffTree({ profile: b, sampleType: 0 }, { profile: a, sampleType: 0 }, view, { meaning, normalize });
const row = (t: ReturnType<typeof diff>, name: string) => diffEntries(t).find((e) => t.names[e.key] === name)!;

// Interned in a different order on each side: alignment must go by name, not by id.
const before = synth([
  { stack: 'main.main;q.waitingLoop;q.insert', value: 100 },
  { stack: 'main.main;old.cache', value: 50 },
  { stack: 'main.main;q.AddAfter', value: 10 },
]);
const after = synth([
  { stack: 'main.main;q.AddAfter', value: 70 },
  { stack: 'main.main;new.thing', value: 5 },
  { stack: 'main.main;q.waitingLoop;q.insert', value: 300 },
]);

describe('diff tree', () => {
  it('aligns frames by name and keeps both values per node', () => {
    const d = diff(before, after);
    const t = mergeDiffTree(d);
    const { node } = resolveMergedPath(d, t, ['main.main', 'q.waitingLoop', 'q.insert']);
    expect([t.before[node], t.after[node]]).toEqual([100, 300]);
    expect([t.before[0], t.after[0]]).toEqual([160, 375]);
    // main.main, waitingLoop, insert, AddAfter, old.cache, new.thing and the root.
    expect(t.count).toBe(7);
  });

  it('gives flat/cum deltas and flags new and gone functions', () => {
    const t = diff(before, after);
    expect(row(t, 'q.insert')).toMatchObject({ flatBefore: 100, flatAfter: 300, flatDelta: 200, cumDelta: 200, status: 'both' });
    expect(row(t, 'new.thing')).toMatchObject({ flatDelta: 5, status: 'new' });
    expect(row(t, 'old.cache')).toMatchObject({ flatDelta: -50, status: 'gone' });
    expect(row(t, 'main.main')).toMatchObject({ flatDelta: 0, cumDelta: 215 });
  });

  it('sorts by growth first by default, and like pprof (by |flat|) on request', () => {
    const t = diff(before, after);
    const names = (k: Parameters<typeof sortDiff>[2]) => sortDiff(diffEntries(t), t.names, k).map((e) => t.names[e.key]);
    expect(names('growth').slice(0, 3)).toEqual(['q.insert', 'q.AddAfter', 'new.thing']);
    expect(names('growth').at(-1)).toBe('old.cache');
    expect(names('pprof').slice(0, 3)).toEqual(['q.insert', 'q.AddAfter', 'old.cache']);
  });

  it('-diff_base: percentages are of the base total', () => {
    expect(diff(before, after, 'diff_base').totals.percentOf).toBe(160);
  });

  it('-base: percentages are of the sum of |per-stack change|', () => {
    // |300-100| + |0-50| + |70-10| + |5-0|
    expect(diff(before, after, 'base').totals.percentOf).toBe(315);
  });

  it('-base: samples with different labels do not cancel (pprof merges by stack and labels)', () => {
    const b = synth([{ stack: 'a;b', value: 10, labels: { bytes: 16 } }]);
    const a = synth([{ stack: 'a;b', value: 10, labels: { bytes: 32 } }]);
    const t = diff(b, a, 'base');
    expect(t.totals.percentOf).toBe(20);
    expect(row(t, 'b').flatDelta).toBe(0);
  });

  it('-normalize scales the target to the base total, rounding each sample like Go', () => {
    const b = synth([{ stack: 'a;x', value: 3 }]);
    const a = synth([
      { stack: 'a;x', value: 1 },
      { stack: 'a;y', value: 1 },
    ]);
    const t = diff(b, a, 'diff_base', true);
    expect(t.totals.scale).toBe(1.5);
    // round(1.5) = 2 for each sample, so the scaled total is 4, not 3 (as pprof prints).
    expect(t.totals.target).toBe(4);
    expect(row(t, 'x').flatDelta).toBe(-1);
    expect(roundHalfAway(-2.5)).toBe(-3);
  });

  it('applies filters and granularity on both sides', () => {
    const t = diff(before, after, 'diff_base', false, { granularity: 'function', focus: 'waitingLoop' });
    expect([t.baseTree.total[0], t.targetTree.total[0]]).toEqual([100, 300]);
    expect(t.totals.percentOf).toBe(160); // pprof's total is before filters
    const lines = diff(before, after, 'diff_base', false, { granularity: 'line' });
    expect(lines.names).toContain('q.insert q.go:1');
  });
});

describe('diff flame answers', () => {
  const child = (n: DiffFlameNode, name: string) => n.children.find((c) => c.name === name)!;

  it('sizes frames by the target, removed frames by the base, and parents hold both', () => {
    const { root } = diffFlame(diff(before, after), [], 0);
    const main = child(root, 'main.main');
    // 70 + 5 + 300 in the target, and room for the 50 that is gone.
    expect(main.value).toBe(425);
    expect(root.value).toBe(425);
    expect(child(main, 'old.cache')).toMatchObject({ value: 50, before: 50, after: 0, delta: -50, status: 'gone' });
    expect(child(main, 'new.thing')).toMatchObject({ value: 5, delta: 5, status: 'new' });
    expect(child(child(main, 'q.waitingLoop'), 'q.insert')).toMatchObject({ before: 100, after: 300, selfBefore: 100, selfAfter: 300 });
  });

  it('prunes narrow frames into hidden and zooms by name path', () => {
    const { root, path } = diffFlame(diff(before, after), ['main.main', 'no.such'], 0.05);
    expect(path).toEqual(['main.main']);
    expect(root.name).toBe('main.main');
    expect(root.children.map((c) => c.name)).toEqual(['old.cache', 'q.AddAfter', 'q.waitingLoop']);
    expect(root.hidden).toBe(5);
  });

  it('zooms into a frame that only the base has', () => {
    const { root } = diffFlame(diff(before, after), ['main.main', 'old.cache'], 0);
    expect(root).toMatchObject({ name: 'old.cache', before: 50, after: 0, status: 'gone', value: 50 });
  });

  it('answers the same values as the whole merged tree', async () => {
    const b = synth([
      { stack: 'r;a;b;c', value: 7 },
      { stack: 'r;a;x', value: 3 },
      { stack: 'r;q', value: 11 },
    ]);
    const a = synth([
      { stack: 'r;a;b;c', value: 2 },
      { stack: 'r;a;b;d', value: 9 },
      { stack: 'r;z', value: 4 },
    ]);
    const d = diff(b, a);
    const t = mergeDiffTree(d);
    const { root } = diffFlame(d, [], 0);
    const walk = (n: DiffFlameNode, path: string[]): number => {
      const m = resolveMergedPath(d, t, path).node;
      expect([n.before, n.after, n.selfBefore, n.selfAfter], path.join(';')).toEqual([t.before[m], t.after[m], t.beforeSelf[m], t.afterSelf[m]]);
      return 1 + n.children.reduce((s, c) => s + walk(c, [...path, c.name]), 0);
    };
    expect(walk(root, [])).toBe(t.count);
  });
});

describe('default meanings', () => {
  it('follow the kind of profile and sample type', () => {
    expect(defaultDiffOptions('heap', 'inuse_space')).toEqual({ meaning: 'diff_base', normalize: false });
    expect(defaultDiffOptions('heap', 'alloc_space')).toEqual({ meaning: 'base', normalize: false });
    expect(defaultDiffOptions('allocs', 'alloc_objects').meaning).toBe('base');
    expect(defaultDiffOptions('goroutine', 'goroutine').meaning).toBe('diff_base');
    expect(defaultDiffOptions('mutex', 'contentions').meaning).toBe('base');
    expect(defaultDiffOptions('block', 'delay').meaning).toBe('base');
    expect(defaultDiffOptions('cpu', 'cpu')).toEqual({ meaning: 'diff_base', normalize: true });
  });
});
