import { describe, expect, it } from 'vitest';
import { resolveSampleType } from '../../src/state/view';
import { visibleRange } from '../../src/ui/top/columns';
import { pagesFor } from '../../src/ui/shared/usePagedRows';
import type { ProfileSummary } from '../../src/worker/types';

const heap = {
  sampleTypes: [
    { type: 'alloc_objects', unit: 'count' },
    { type: 'alloc_space', unit: 'bytes' },
    { type: 'inuse_objects', unit: 'count' },
    { type: 'inuse_space', unit: 'bytes' },
  ],
  defaultSampleType: 3,
} as ProfileSummary;

describe('resolveSampleType', () => {
  it("defaults to the profile's default type, as go tool pprof does", () => {
    expect(resolveSampleType(1, heap, {}, null)).toBe(3);
  });
  it("prefers the user's choice for this file, then a same-named type", () => {
    expect(resolveSampleType(1, heap, { 1: 0 }, 'alloc_space')).toBe(0);
    expect(resolveSampleType(2, heap, { 1: 0 }, 'alloc_space')).toBe(1);
    expect(resolveSampleType(2, heap, {}, 'cpu')).toBe(3);
  });
  it('ignores an out-of-range choice', () => {
    expect(resolveSampleType(1, heap, { 1: 9 }, null)).toBe(3);
  });
});

describe('top table virtualisation', () => {
  it('renders the rows in view plus a small overscan', () => {
    expect(visibleRange(0, 240, 24, 100_000, 8)).toEqual([0, 18]);
    expect(visibleRange(24_000, 240, 24, 100_000, 8)).toEqual([992, 1018]);
    expect(visibleRange(2_400_000, 240, 24, 100_000, 8)).toEqual([99_992, 100_000]);
    expect(visibleRange(0, 240, 24, 0, 8)).toEqual([0, 0]);
  });
  it('asks only for the pages that cover them', () => {
    expect(pagesFor(0, 18, 200)).toEqual([0]);
    expect(pagesFor(190, 210, 200)).toEqual([0, 1]);
    expect(pagesFor(99_992, 100_000, 200)).toEqual([499]);
    expect(pagesFor(5, 5, 200)).toEqual([0]);
  });
});
