/** Which profiles can be compared, which is base, what a drop lands on, and the error when two cannot. */
import { describe, expect, it } from 'vitest';
import {
  comparableWith,
  IncomparableError,
  landingGroup,
  olderFirst,
  pairInForce,
  seriesGroups,
  suggestedPair,
  targetFor,
  type ComparableProfile,
} from '../../../src/analysis/diff/pairs';

const HEAP = [
  { type: 'alloc_objects', unit: 'count' },
  { type: 'alloc_space', unit: 'bytes' },
  { type: 'inuse_objects', unit: 'count' },
  { type: 'inuse_space', unit: 'bytes' },
];
const GOROUTINE = [{ type: 'goroutine', unit: 'count' }];

const heap = (id: number, name: string, timeNanos = 0): ComparableProfile => ({ id, name, kind: 'heap', timeNanos, sampleTypes: HEAP });
const allocs = (id: number, name: string, timeNanos = 0): ComparableProfile => ({ id, name, kind: 'allocs', timeNanos, sampleTypes: HEAP });
const goroutine = (id: number, name: string): ComparableProfile => ({ id, name, kind: 'goroutine', timeNanos: 0, sampleTypes: GOROUTINE });
const cpu = (id: number, name: string, timeNanos = 0): ComparableProfile => ({
  id,
  name,
  kind: 'cpu',
  timeNanos,
  sampleTypes: [{ type: 'samples', unit: 'count' }, { type: 'cpu', unit: 'nanoseconds' }],
});
const ids = (ps: ComparableProfile[] | null) => ps?.map((p) => p.id) ?? null;

describe('older first', () => {
  it("orders by the profiles' own times when both have one", () => {
    // Dropped "after" first, named so it would sort first: its later time still makes it the target.
    expect([heap(1, 'a-after', 200), heap(2, 'b-before', 100)].sort(olderFirst).map((p) => p.id)).toEqual([2, 1]);
  });

  it('falls back to the names in natural order when a time is missing (a goroutine dump has none)', () => {
    expect([goroutine(1, 'g-t10.txt'), goroutine(2, 'g-t2.txt'), goroutine(3, 'g-t1.txt')].sort(olderFirst).map((p) => p.id)).toEqual([3, 2, 1]);
    expect([heap(1, 'z', 500), heap(2, 'a', 0)].sort(olderFirst).map((p) => p.id)).toEqual([2, 1]);
  });

  it('keeps the opening order for equal times and names', () => {
    expect([heap(7, 'heap', 100), heap(3, 'heap', 100)].sort(olderFirst).map((p) => p.id)).toEqual([3, 7]);
  });
});

describe('what a drop lands on', () => {
  it('two snapshots of one kind: the pair, older first', () => {
    expect(ids(landingGroup([heap(1, 'heap-after.pb.gz', 200), heap(2, 'heap-before.pb.gz', 100)]))).toEqual([2, 1]);
    expect(ids(landingGroup([goroutine(1, 'goroutine-t2.debug2.txt'), goroutine(2, 'goroutine-t1.debug2.txt')]))).toEqual([2, 1]);
  });

  it('mixed kinds: the first kind in drop order with two or more, all of its snapshots', () => {
    const drop = [cpu(1, 'cpu.pprof'), goroutine(2, 'g1'), heap(3, 'h2', 20), goroutine(4, 'g2'), heap(5, 'h1', 10), heap(6, 'h3', 30)];
    expect(ids(landingGroup(drop))).toEqual([2, 4]);
    expect(ids(landingGroup(drop.filter((p) => p.kind !== 'goroutine')))).toEqual([5, 3, 6]);
  });

  it('nothing when no kind has two: one file, or one of each', () => {
    expect(landingGroup([heap(1, 'h')])).toBeNull();
    expect(landingGroup([heap(1, 'h'), cpu(2, 'c'), goroutine(3, 'g')])).toBeNull();
    // The same sample types are not the same kind: a heap and an allocs profile are not two snapshots.
    expect(landingGroup([heap(1, 'heap'), allocs(2, 'allocs')])).toBeNull();
    // An empty mutex profile and an empty block profile look alike, but are not known to be one kind.
    const empty = (id: number, name: string): ComparableProfile => ({
      id,
      name,
      kind: 'contention',
      timeNanos: 0,
      sampleTypes: [{ type: 'contentions', unit: 'count' }, { type: 'delay', unit: 'nanoseconds' }],
    });
    expect(landingGroup([empty(1, 'mutex.pprof'), empty(2, 'block.pprof')])).toBeNull();
  });

  it('a goroutine dump and a goroutine profile are one kind (the dump becomes a profile)', () => {
    const pb: ComparableProfile = { ...goroutine(1, 'goroutine-t2.pb.gz'), timeNanos: 0 };
    expect(ids(landingGroup([pb, goroutine(2, 'goroutine-t1.debug2.txt')]))).toEqual([2, 1]);
  });
});

describe('comparable targets', () => {
  const open = [heap(1, 'h1', 10), cpu(2, 'cpu'), allocs(3, 'allocs', 5), goroutine(4, 'g'), heap(5, 'h2', 20), cpu(6, 'cpu2')];

  it('lists only the profiles with the same sample types and units, older first, not the base itself', () => {
    expect(ids(comparableWith(open[0]!, open))).toEqual([3, 5]);
    expect(ids(comparableWith(open[1]!, open))).toEqual([6]);
    expect(comparableWith(open[3]!, open)).toEqual([]);
    // A unit that differs is a different sample type to pprof.
    const other = { ...heap(9, 'other'), sampleTypes: HEAP.map((t) => (t.type === 'inuse_space' ? { ...t, unit: 'kilobytes' } : t)) };
    expect(ids(comparableWith(open[0]!, [...open, other]))).toEqual([3, 5]);
  });

  it('keeps a chosen target that fits the base, else the next one after the base in time, else the one before', () => {
    expect(targetFor(open[0]!, 3, open)).toBe(3);
    expect(targetFor(open[0]!, 2, open)).toBe(5);
    expect(targetFor(open[4]!, null, open)).toBe(1);
    expect(targetFor(open[3]!, 1, open)).toBeNull();
  });

  it('suggests the two most recently opened profiles that can be diffed, older as base', () => {
    expect(suggestedPair(open)).toEqual({ base: 2, target: 6 });
    expect(suggestedPair(open.slice(0, 5))).toEqual({ base: 1, target: 5 });
    expect(suggestedPair([heap(1, 'h'), cpu(2, 'c')])).toBeNull();
  });

  it('keeps the chosen base, follows the suggestion without one, and names no target when none fits', () => {
    expect(pairInForce(open, { base: 5, target: 1 })).toEqual({ base: 5, target: 1 });
    expect(pairInForce(open, { base: 5, target: 2 })).toEqual({ base: 5, target: 1 });
    expect(pairInForce(open, { base: 4, target: 5 })).toEqual({ base: 4, target: null });
    expect(pairInForce(open, { base: 99, target: 5 })).toEqual({ base: 2, target: 6 });
    expect(pairInForce([goroutine(4, 'g')], null)).toEqual({ base: 4, target: null });
    expect(pairInForce([], null)).toBeNull();
  });

  it('is linear: a thousand profiles of six kinds answer without looking at pairs', () => {
    const many = Array.from({ length: 1200 }, (_, i) => (i % 6 === 0 ? cpu(i, `pod-${i}/cpu`) : heap(i, `pod-${i}/heap`, i)));
    expect(comparableWith(many[1]!, many)).toHaveLength(999);
    expect(suggestedPair(many)).toEqual({ base: 1198, target: 1199 });
  });
});

describe('series candidates', () => {
  it('groups three or more snapshots of one kind from one program, older first', () => {
    const program = (p: ComparableProfile) => (p.id < 10 ? 'app' : 'other');
    const open = [heap(3, 'h3', 30), heap(1, 'h1', 10), heap(2, 'h2', 20), heap(11, 'x1'), heap(12, 'x2'), goroutine(4, 'g1'), goroutine(5, 'g2'), goroutine(6, 'g3')];
    expect(seriesGroups(open, program)).toEqual([[1, 2, 3], [4, 5, 6]]);
  });
});

describe('two profiles that cannot be compared', () => {
  it('names both files, what each has, and what the base can be compared with', () => {
    const open = [cpu(3, 'cpu.pprof'), goroutine(4, 'goroutine.pb.gz'), cpu(5, 'cpu-later.pprof')];
    const err = new IncomparableError(open[0]!, open[1]!, open);
    expect(err.message).toContain('cpu.pprof and goroutine.pb.gz cannot be compared: their sample types differ');
    expect(err.message).toContain('cpu.pprof has samples (count), cpu (nanoseconds); goroutine.pb.gz has goroutine (count)');
    expect(err.message).toContain('Profiles that can be compared with cpu.pprof: cpu-later.pprof.');
    expect(new IncomparableError(open[1]!, open[0]!, open).message).toContain('No other open profile has the sample types of goroutine.pb.gz.');
  });
});
