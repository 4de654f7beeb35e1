/**
 * pprof's inline marks on hand-made profiles whose locations hold inlined frames: a
 * location is written outermost first, "main.a>main.b" being b inlined into a.
 */
import { describe, expect, it } from 'vitest';
import { buildCallTree, type ViewSpec } from '../../../src/analysis/calltree/calltree';
import { inlineMarks } from '../../../src/analysis/calltree/inline-marks';
import { ProfileBuilder, simpleMeta } from '../../../src/model/profile-builder';
import type { Profile } from '../../../src/model/profile';

/** Samples as their locations root first ("main.main;main.a>main.b"), with a value each. */
function profileOf(samples: [string, number][]): Profile {
  const b = new ProfileBuilder(1);
  const locIndex = new Map<string, number>();
  const frameStart = [0];
  const frames: number[] = [];
  const start = [0];
  const data: number[] = [];
  for (const [stack, v] of samples) {
    const all: number[] = [];
    for (const loc of stack.split(';')) {
      const fs = loc.split('>').map((name) => b.frame(name, `${name.split('.')[0]}.go`, 1));
      all.push(...fs);
      let l = locIndex.get(loc);
      if (l === undefined) {
        l = locIndex.size;
        locIndex.set(loc, l);
        frames.push(...fs);
        frameStart.push(frames.length);
      }
      data.push(l);
    }
    start.push(data.length);
    b.sample(b.stackRootFirst(all), [v]);
  }
  const p = b.build(simpleMeta('pprof', [{ type: 'cpu', unit: 'nanoseconds' }]));
  p.sampleLocations = {
    stacks: { count: samples.length, start: Int32Array.from(start), data: Int32Array.from(data) },
    frameStart: Int32Array.from(frameStart),
    frames: Int32Array.from(frames),
  };
  return p;
}

function marks(p: Profile, spec: Partial<ViewSpec> = {}): Record<string, string> {
  const full: ViewSpec = { sampleType: 0, granularity: 'function', ...spec };
  const tree = buildCallTree(p, full);
  return Object.fromEntries([...inlineMarks(p, tree, full)].map(([k, m]) => [tree.keys.names[k], m]));
}

describe('inline marks (pprof -top)', () => {
  it('marks a function inlined at every call "(inline)" and one inlined at some "(partial-inline)"', () => {
    const p = profileOf([
      ['main.main;main.a>main.b', 3],
      ['main.main;main.c>main.b', 2],
      ['main.main>main.d', 1],
      ['main.main;main.c;main.d', 1],
    ]);
    expect(marks(p)).toEqual({ 'main.b': 'inline', 'main.d': 'partial-inline' });
  });

  it('decides per caller: one caller inlining some calls and not others is a real call', () => {
    const p = profileOf([
      ['main.main>main.d', 1],
      ['main.main;main.d', 1],
    ]);
    expect(marks(p)).toEqual({});
  });

  it('gives the root frame no mark, and a function calling itself no edge', () => {
    // main.r inlined into itself: a self edge, so only the real call from main.main counts.
    const p = profileOf([['main.main;main.r>main.r', 1]]);
    expect(marks(p)).toEqual({});
  });

  it('counts only the first crossing of an edge in a sample, from the root', () => {
    // a→b inlined first, then a real a→b call deeper in the same sample: pprof keeps the first.
    const first = profileOf([['main.main;main.a>main.b;main.a;main.b', 1]]);
    expect(marks(first)['main.b']).toBe('inline');
    // Another sample where the real call comes first makes the edge a real call.
    const both = profileOf([
      ['main.main;main.a>main.b;main.a;main.b', 1],
      ['main.main;main.a;main.b', 1],
    ]);
    expect(marks(both)['main.b']).toBeUndefined();
  });

  it('skips samples of zero value and samples the view drops', () => {
    const p = profileOf([
      ['main.main;main.a>main.b', 0],
      ['main.main;main.a;main.b', 1],
      ['main.x;main.a>main.c', 1],
    ]);
    expect(marks(p)).toEqual({ 'main.c': 'inline' });
    expect(marks(p, { ignore: 'main\\.x' })).toEqual({});
  });

  it('keeps the mark of a frame whose caller is hidden: the edge joins the frames around it', () => {
    const p = profileOf([['main.main;main.a>main.h>main.b', 1]]);
    expect(marks(p, { hide: 'main\\.h' })).toEqual({ 'main.b': 'inline' });
    // Hiding the outermost frame leaves the next one still marked inlined, as in pprof.
    expect(marks(p, { hide: 'main\\.a' })).toEqual({ 'main.h': 'inline', 'main.b': 'inline' });
  });

  it('keeps marks when samples are dropped, has none once stack transforms rewrite frames', () => {
    const p = profileOf([
      ['main.main;main.a>main.b', 3],
      ['main.x;main.a>main.c', 1],
    ]);
    expect(marks(p, { stack: [{ kind: 'drop', name: 'main.x' }] })).toEqual({ 'main.b': 'inline' });
    expect(marks(p, { stack: [{ kind: 'merge', name: 'main.a' }] })).toEqual({});
  });

  it('has no marks for profiles without pprof locations', () => {
    const b = new ProfileBuilder(1);
    b.sample(b.stackRootFirst([b.frame('main.main'), b.frame('main.a')]), [1]);
    expect(marks(b.build(simpleMeta('folded', [{ type: 'samples', unit: 'count' }])))).toEqual({});
  });
});
