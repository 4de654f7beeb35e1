/** Which profiles can be compared, in which order, and the error when two cannot. */
import { describe, expect, it } from 'vitest';
import { checkComparable, comparablePairs, IncomparableError, suggestedPair, type ComparableProfile } from '../../../src/analysis/diff/pairs';

const heap = (id: number, name: string, timeNanos = 0): ComparableProfile => ({
  id,
  name,
  order: id,
  kind: 'heap',
  timeNanos,
  sampleTypes: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'],
});
const cpu: ComparableProfile = { id: 3, name: 'cpu.pprof', order: 3, kind: 'cpu', timeNanos: 5, sampleTypes: ['samples', 'cpu'] };
const goroutine: ComparableProfile = { id: 4, name: 'goroutine.pb.gz', order: 4, kind: 'goroutine', timeNanos: 0, sampleTypes: ['goroutine'] };

describe('comparable pairs', () => {
  it('orients pairs by profile time, then by drop order', () => {
    // Dropped "after" first: its later timestamp still makes it the target.
    const pairs = comparablePairs([heap(1, 'heap-after', 200), heap(2, 'heap-before', 100)]);
    expect(pairs).toEqual([{ base: 2, target: 1, sampleTypes: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'], sameKind: true }]);
    const untimed = comparablePairs([heap(5, 'b'), heap(6, 'a')]);
    expect([untimed[0].base, untimed[0].target]).toEqual([5, 6]);
  });

  it('offers only pairs sharing a sample type, same kind first, and suggests the latest drop', () => {
    const all = [heap(0, 'sample-heap', 50), cpu, goroutine, heap(7, 'before', 100), heap(8, 'after', 200)];
    const pairs = comparablePairs(all);
    expect(pairs.every((p) => p.sampleTypes.length > 0)).toBe(true);
    expect(pairs.some((p) => p.base === 3 || p.target === 3 || p.base === 4 || p.target === 4)).toBe(false);
    expect(suggestedPair(all, pairs)).toMatchObject({ base: 7, target: 8 });
  });

  it('explains why two profiles cannot be compared and names the pairs that can', () => {
    const all = [cpu, goroutine, heap(7, 'heap-before.pb.gz', 1), heap(8, 'heap-after.pb.gz', 2)];
    let err: unknown;
    try {
      checkComparable(cpu, goroutine, all);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IncomparableError);
    const msg = (err as Error).message;
    expect(msg).toContain('cpu.pprof and goroutine.pb.gz cannot be compared: they share no sample type');
    expect(msg).toContain('cpu.pprof has samples, cpu; goroutine.pb.gz has goroutine');
    expect(msg).toContain('Pairs that can be compared: heap-before.pb.gz → heap-after.pb.gz (alloc_objects, alloc_space, inuse_objects, inuse_space)');
    expect((err as IncomparableError).pairs).toHaveLength(1);
  });

  it('says so when nothing open can be compared', () => {
    expect(() => checkComparable(cpu, goroutine, [cpu, goroutine])).toThrow(/No two open profiles share a sample type/);
  });
});
