/**
 * One page of a table's rows, for every table the worker serves (top, diff, goroutine
 * groups, creators, comparisons, trace goroutines, snapshots, series): virtualised tables
 * ask for what is on screen, "show more" lists for a growing first page.
 */

/** Rows in one answer at most, whatever is asked: bounds the message and the DOM. */
export const MAX_PAGE_ROWS = 5000;

/** Rows [offset, offset + limit) of `rows` (an array or a typed array), with offset and limit made whole and in range. */
export function pageRows<R extends { readonly length: number; slice(start?: number, end?: number): R }>(rows: R, offset: number, limit: number): R {
  const start = clampWhole(offset, 0, rows.length);
  return rows.slice(start, start + clampWhole(limit, 0, MAX_PAGE_ROWS));
}

function clampWhole(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.max(lo, Math.min(hi, Math.floor(n))) : lo;
}
