/**
 * Which two goroutine snapshots to compare, and which earlier snapshot leak suspects
 * measure growth against. Pure: tested in Node.
 */
import type { FileId } from '../../worker/types';
import type { GoroutineFileChoice } from '../../worker/goroutine-api';

export interface Pair {
  before: FileId;
  after: FileId;
}

/** The chosen pair (state/compare.ts) while both its files are open goroutine snapshots and differ, else the suggested one (the two most recent). */
export function resolvePair(files: readonly GoroutineFileChoice[], suggested: Pair | null, chosen: Pair | null): Pair | null {
  const open = (id: FileId) => files.some((f) => f.file === id);
  if (chosen && chosen.before !== chosen.after && open(chosen.before) && open(chosen.after)) return chosen;
  if (suggested && open(suggested.before) && open(suggested.after)) return suggested;
  return null;
}

/** Choosing one side: picking the other side's file swaps the two instead of pairing a file with itself. */
export function choose(pair: Pair, side: 'before' | 'after', file: FileId): Pair {
  const other = side === 'before' ? 'after' : 'before';
  if (pair[other] === file) return { before: pair.after, after: pair.before };
  return { ...pair, [side]: file };
}

/** The snapshot just before `file` in time (or drop) order, or null when it is the first. */
export function previousOf(files: readonly GoroutineFileChoice[], file: FileId): FileId | null {
  const i = files.findIndex((f) => f.file === file);
  return i > 0 ? files[i - 1].file : null;
}
