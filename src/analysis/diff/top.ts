/**
 * The diff top table: flat and cum per function on each side (as `go tool pprof -top`
 * computes them) and their differences. pprof's -top of a merged profile equals
 * after − before here, since every column is a sum over samples.
 */
import { topEntries } from '../calltree/top';
import type { DiffTree } from './tree';

/** Where a function appears: in both profiles, only in the target, only in the base. */
export type DiffStatus = 'both' | 'new' | 'gone';

export interface DiffEntry {
  /** Index into tree.names / tree.files. */
  key: number;
  flatBefore: number;
  flatAfter: number;
  cumBefore: number;
  cumAfter: number;
  flatDelta: number;
  cumDelta: number;
  status: DiffStatus;
}

export function diffEntries(tree: DiffTree): DiffEntry[] {
  const n = tree.names.length;
  const flatB = new Float64Array(n);
  const cumB = new Float64Array(n);
  const flatA = new Float64Array(n);
  const cumA = new Float64Array(n);
  const inBase = new Uint8Array(n);
  const inTarget = new Uint8Array(n);
  for (const e of topEntries(tree.baseTree)) {
    const k = tree.baseKey[e.key];
    flatB[k] = e.flat;
    cumB[k] = e.cum;
    inBase[k] = 1;
  }
  for (const e of topEntries(tree.targetTree)) {
    const k = tree.targetKey[e.key];
    flatA[k] = e.flat;
    cumA[k] = e.cum;
    inTarget[k] = 1;
  }
  const out: DiffEntry[] = [];
  for (let k = 0; k < n; k++) {
    if (!inBase[k] && !inTarget[k]) continue;
    out.push({
      key: k,
      flatBefore: flatB[k],
      flatAfter: flatA[k],
      cumBefore: cumB[k],
      cumAfter: cumA[k],
      flatDelta: flatA[k] - flatB[k],
      cumDelta: cumA[k] - cumB[k],
      status: !inBase[k] ? 'new' : !inTarget[k] ? 'gone' : 'both',
    });
  }
  return out;
}

/**
 * - growth / cumGrowth: largest increase first (signed), the table's default;
 * - pprof / pprofCum: pprof's -top order (|flat| or |cum| descending, then name, then the other);
 * - the rest: one column.
 */
export type DiffSortKey =
  | 'growth'
  | 'cumGrowth'
  | 'pprof'
  | 'pprofCum'
  | 'name'
  | 'flatBefore'
  | 'flatAfter'
  | 'cumBefore'
  | 'cumAfter';

export function sortDiff(entries: DiffEntry[], names: string[], by: DiffSortKey, descending = true): DiffEntry[] {
  const dir = descending ? -1 : 1;
  const name = (a: DiffEntry, b: DiffEntry) => (names[a.key] < names[b.key] ? -1 : names[a.key] > names[b.key] ? 1 : 0);
  const abs = Math.abs;
  let cmp: (a: DiffEntry, b: DiffEntry) => number;
  switch (by) {
    case 'growth':
      cmp = (a, b) => dir * (a.flatDelta - b.flatDelta) || dir * (a.cumDelta - b.cumDelta) || name(a, b);
      break;
    case 'cumGrowth':
      cmp = (a, b) => dir * (a.cumDelta - b.cumDelta) || dir * (a.flatDelta - b.flatDelta) || name(a, b);
      break;
    case 'pprof':
      cmp = (a, b) => dir * (abs(a.flatDelta) - abs(b.flatDelta)) || name(a, b) || dir * (abs(a.cumDelta) - abs(b.cumDelta));
      break;
    case 'pprofCum':
      cmp = (a, b) => dir * (abs(a.cumDelta) - abs(b.cumDelta)) || name(a, b) || dir * (abs(a.flatDelta) - abs(b.flatDelta));
      break;
    case 'name':
      cmp = (a, b) => dir * name(a, b);
      break;
    default: {
      const col = by;
      cmp = (a, b) => dir * (a[col] - b[col]) || name(a, b);
    }
  }
  return entries.slice().sort(cmp);
}

/** A difference as a percentage of the meaning's total (signed; pprof prints its magnitude). */
export function percentOf(value: number, total: number): number {
  return total === 0 ? 0 : (100 * value) / total;
}
