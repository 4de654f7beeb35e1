/**
 * drop_frames / keep_frames edge cases on hand-made stacks (the real-profile check against
 * `go tool pprof` is the pruned/ fixture in test/reference/pprof-parity.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { pruneFrames, simplifyFuncName, type LocationFrames } from '../../../src/formats/pprof/prune';
import type { Sequences } from '../../../src/model/stack-trie';

// Frames are indexes into NAMES; locations hold frames outermost first.
const NAMES = ['main.main', 'main.work', 'runtime.mallocgc', 'runtime.nextFree', 'fmt.Sprintf', 'main.(*T).inlined', ''];
const name = (f: number) => NAMES[f];

function locations(...locs: number[][]): LocationFrames {
  const frameStart = new Int32Array(locs.length + 1);
  const frames: number[] = [];
  locs.forEach((l, i) => {
    frameStart[i] = frames.length;
    frames.push(...l);
  });
  frameStart[locs.length] = frames.length;
  return { frameStart, frames: Int32Array.from(frames) };
}

function stacks(...s: number[][]): Sequences {
  const start = new Int32Array(s.length + 1);
  const data: number[] = [];
  s.forEach((x, i) => {
    start[i] = data.length;
    data.push(...x);
  });
  start[s.length] = data.length;
  return { count: s.length, start, data: Int32Array.from(data) };
}

/** Each sample as frame names, root first. */
function expand(st: Sequences, locs: LocationFrames): string[][] {
  const out: string[][] = [];
  for (let s = 0; s < st.count; s++) {
    const names: string[] = [];
    for (let i = st.start[s]; i < st.start[s + 1]; i++) {
      const l = st.data[i];
      for (let k = locs.frameStart[l]; k < locs.frameStart[l + 1]; k++) names.push(NAMES[locs.frames[k]]);
    }
    out.push(names);
  }
  return out;
}

describe('simplifyFuncName (what pprof matches drop_frames against)', () => {
  it('cuts at the first parenthesis, so methods become their package', () => {
    expect(simplifyFuncName('main.(*T).M')).toBe('main.');
    expect(simplifyFuncName('foo(int, char)')).toBe('foo');
    expect(simplifyFuncName('.ppcfunc')).toBe('ppcfunc');
  });
  it('keeps the reserved C++ names whole', () => {
    expect(simplifyFuncName('(anonymous namespace)::f(int)')).toBe('(anonymous namespace)::f');
    expect(simplifyFuncName('Foo::operator()(int)')).toBe('Foo::operator()');
  });
});

describe('pruneFrames', () => {
  // Locations: 0 main.main, 1 main.work, 2 runtime.mallocgc, 3 runtime.nextFree,
  // 4 main.work with fmt.Sprintf inlined into it.
  const locs = locations([0], [1], [2], [3], [1, 4]);

  it('cuts the first matching location from the root and everything it called', () => {
    const r = pruneFrames(stacks([0, 1, 2, 3]), locs, name, { dropFrames: 'runtime\\.mallocgc', keepFrames: '' });
    expect(r.ok && expand(r.stacks, r.locations)).toEqual([['main.main', 'main.work']]);
  });

  it('cuts inlined frames inside a location and keeps its callers', () => {
    const r = pruneFrames(stacks([0, 4, 2]), locs, name, { dropFrames: 'fmt\\..*', keepFrames: '' });
    expect(r.ok && expand(r.stacks, r.locations)).toEqual([['main.main', 'main.work']]);
  });

  it('keep_frames wins over drop_frames', () => {
    const r = pruneFrames(stacks([0, 4, 2]), locs, name, { dropFrames: 'fmt\\..*|runtime\\..*', keepFrames: 'fmt\\.Sprintf' });
    expect(r.ok && expand(r.stacks, r.locations)).toEqual([['main.main', 'main.work', 'fmt.Sprintf']]);
  });

  it('never prunes matching frames before the first one that does not match', () => {
    const r = pruneFrames(stacks([2, 1, 3]), locs, name, { dropFrames: 'runtime\\..*', keepFrames: '' });
    expect(r.ok && expand(r.stacks, r.locations)).toEqual([['runtime.mallocgc', 'main.work']]);
  });

  it('anchors the regex to the whole (simplified) name', () => {
    const r = pruneFrames(stacks([0, 1, 2]), locs, name, { dropFrames: 'malloc', keepFrames: '' });
    expect(r.ok && expand(r.stacks, r.locations)).toEqual([['main.main', 'main.work', 'runtime.mallocgc']]);
  });

  it('frames without a function name never match (so they count as the first user frame)', () => {
    const l = locations([0], [6], [2]);
    const r = pruneFrames(stacks([0, 1, 2]), l, name, { dropFrames: '.*', keepFrames: '' });
    expect(r.ok && expand(r.stacks, r.locations)).toEqual([['main.main', '']]);
  });

  it('says why when a rule is not a regular expression', () => {
    const r = pruneFrames(stacks([0]), locs, name, { dropFrames: 'a(b', keepFrames: '' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^drop_frames is not a valid regular expression/);
  });
});
