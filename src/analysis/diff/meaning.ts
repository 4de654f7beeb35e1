/**
 * The two things "diff" means in pprof, and which one fits a kind of profile.
 * Both subtract the base from the target; they differ in what percentages are of.
 */
import type { ProfileKind } from '../../model/file-kind';

/**
 * - `diff_base` (pprof -diff_base): compare to base. Percentages are of the base total;
 *   for independent or point-in-time profiles (inuse heap, goroutines, CPU).
 * - `base` (pprof -base): delta of a cumulative profile. Percentages are of the sum of
 *   the absolute per-stack differences; for counters that only grow (allocs, mutex, block).
 */
export type DiffMeaning = 'diff_base' | 'base';

export interface DiffOptions {
  meaning: DiffMeaning;
  /** pprof -normalize: scale the target so its total equals the base's. */
  normalize: boolean;
}

/** Sample types whose values only grow over a process's life. */
function isCumulativeType(type: string): boolean {
  return type.startsWith('alloc_') || type === 'contentions' || type === 'delay';
}

export function defaultDiffOptions(kind: ProfileKind | undefined, sampleType: string): DiffOptions {
  if (isCumulativeType(sampleType)) return { meaning: 'base', normalize: false };
  switch (kind) {
    case 'allocs':
    case 'mutex':
    case 'block':
    case 'contention':
    case 'threadcreate':
      return { meaning: 'base', normalize: false };
    case 'cpu':
      // CPU profiles of different lengths: shape matters more than size.
      return { meaning: 'diff_base', normalize: true };
    default:
      return { meaning: 'diff_base', normalize: false };
  }
}
