/** Callers and callees of one function on a diff, as diff flame answers, on hand-made profiles. */
import { describe, expect, it } from 'vitest';
import { diffFlame, type DiffFlameNode } from '../../../src/analysis/diff/flame';
import { diffPeek } from '../../../src/analysis/diff/peek';
import { diffSandwich } from '../../../src/analysis/diff/sandwich';
import { buildDiffTree } from '../../../src/analysis/diff/tree';
import type { Profile } from '../../../src/model/profile';
import { synth } from '../../helpers/synthetic';

const diff = (b: Profile, a: Profile, normalize = false) =>
  buildDiffTree({ profile: b, sampleType: 0 }, { profile: a, sampleType: 0 }, { granularity: 'function' }, { meaning: 'diff_base', normalize });

// f is reached from a and b; it recurses once; its callee g grows, h is new, old is gone.
const before = synth([
  { stack: 'main;a;f;g', value: 10 },
  { stack: 'main;b;f;old', value: 4 },
  { stack: 'main;a;f;f;g', value: 1 },
  { stack: 'main;other', value: 50 },
]);
const after = synth([
  { stack: 'main;a;f;g', value: 30 },
  { stack: 'main;b;f;h', value: 6 },
  { stack: 'main;a;f;f;g', value: 2 },
  { stack: 'main;c;f', value: 3 },
  { stack: 'main;other', value: 50 },
]);

/** name → [before, after, delta, status] for every node under `n`, as "a>b" paths. */
function nodes(n: DiffFlameNode, at = '', out: Record<string, [number, number, number, string]> = {}) {
  for (const c of n.children) {
    const p = at ? `${at}>${c.name}` : c.name;
    out[p] = [c.before, c.after, c.delta, c.status];
    nodes(c, p, out);
  }
  return out;
}

describe('diff sandwich', () => {
  const d = diff(before, after);
  const s = diffSandwich(d, 'f')!;

  it("roots both graphs at the function with its cum on each side, recursion counted once", () => {
    const callers = diffFlame(s.callers, ['f'], 0);
    const callees = diffFlame(s.callees, ['f'], 0);
    for (const a of [callers, callees]) {
      expect(a.path).toEqual(['f']);
      expect([a.root.before, a.root.after, a.root.delta]).toEqual([15, 41, 26]);
    }
    // The peek table's cum is the same number.
    expect(diffPeek(d, 'f')!.cum).toEqual({ before: 15, after: 41, delta: 26 });
  });

  it('draws callers outwards from the function, each caller before, after and its change', () => {
    const n = nodes(diffFlame(s.callers, ['f'], 0).root);
    expect(n['a']).toEqual([11, 32, 21, 'both']);
    expect(n['a>main']).toEqual([11, 32, 21, 'both']);
    expect(n['b']).toEqual([4, 6, 2, 'both']);
    expect(n['c']).toEqual([0, 3, 3, 'new']);
    // The inner call of f is inside the outer one: no f above f.
    expect(Object.keys(n).some((k) => k.startsWith('f'))).toBe(false);
  });

  it('draws callees of every call merged, new and removed ones marked', () => {
    const n = nodes(diffFlame(s.callees, ['f'], 0).root);
    expect(n['g']).toEqual([10, 30, 20, 'both']);
    expect(n['f>g']).toEqual([1, 2, 1, 'both']);
    expect(n['h']).toEqual([0, 6, 6, 'new']);
    expect(n['old']).toEqual([4, 0, -4, 'gone']);
    expect(n['other']).toBeUndefined();
  });

  it('zooms inside a graph, and has no graphs for a function neither side has', () => {
    const z = diffFlame(s.callers, ['f', 'a'], 0);
    expect(z.path).toEqual(['f', 'a']);
    expect(z.root.after).toBe(32);
    expect(diffSandwich(d, 'nowhere')).toBeNull();
  });

  it('takes a function only one side has: the other side is empty, every frame new or gone', () => {
    const only = diffSandwich(d, 'h')!;
    const a = diffFlame(only.callers, ['h'], 0);
    expect([a.root.before, a.root.after]).toEqual([0, 6]);
    expect(nodes(a.root)['f>b>main']).toEqual([0, 6, 6, 'new']);
  });

  it('scales the target as the diff does under -normalize', () => {
    const nd = diff(before, after, true);
    const root = diffFlame(diffSandwich(nd, 'f')!.callees, ['f'], 0).root;
    // Base total 65, target 91: each of f's samples times 65/91, rounded as pprof rounds (21+1+4+2).
    expect(root.after).toBe(28);
    expect(root.after).toBe(diffPeek(nd, 'f')!.cum.after);
  });
});
