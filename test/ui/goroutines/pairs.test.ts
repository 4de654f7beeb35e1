import { describe, expect, it } from 'vitest';
import { choose, previousOf, resolvePair } from '../../../src/ui/goroutines/pairs';
import type { GoroutineFileChoice } from '../../../src/worker/goroutine-api';

const f = (file: number): GoroutineFileChoice => ({ file, name: `g${file}`, encoding: 'debug=2', timeNanos: 0, total: 1 });
const files = [f(1), f(2), f(3)];

describe('which snapshots to compare', () => {
  it('follows the suggestion until a pair is chosen (a swap chooses the reversed pair)', () => {
    expect(resolvePair(files, { before: 2, after: 3 }, null)).toEqual({ before: 2, after: 3 });
    expect(resolvePair(files, { before: 2, after: 3 }, { before: 1, after: 3 })).toEqual({ before: 1, after: 3 });
    expect(resolvePair(files, { before: 2, after: 3 }, { before: 3, after: 2 })).toEqual({ before: 3, after: 2 });
  });

  it('drops a choice whose file was closed', () => {
    expect(resolvePair([f(2), f(3)], { before: 2, after: 3 }, { before: 1, after: 3 })).toEqual({ before: 2, after: 3 });
    expect(resolvePair([f(3)], null, { before: 1, after: 3 })).toBeNull();
    expect(resolvePair(files, { before: 2, after: 3 }, { before: 3, after: 3 })).toEqual({ before: 2, after: 3 });
  });

  it('swaps instead of pairing a snapshot with itself', () => {
    expect(choose({ before: 1, after: 2 }, 'before', 2)).toEqual({ before: 2, after: 1 });
    expect(choose({ before: 1, after: 2 }, 'after', 3)).toEqual({ before: 1, after: 3 });
  });

  it('measures leak growth against the snapshot just before', () => {
    expect(previousOf(files, 3)).toBe(2);
    expect(previousOf(files, 1)).toBeNull();
    expect(previousOf(files, 9)).toBeNull();
  });
});
