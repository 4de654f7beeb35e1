/**
 * How fine the in-memory timeline is. Every run is kept while they fit a budget that grows
 * with the file (a few MB traces stay exact); beyond it, runs shorter than 1/65,536 of the
 * trace are merged per lane, so a whole-trace view of a 1 GB trace costs what a small one
 * does, and a zoomed window is read again from the trace exactly (timeline windows).
 */

/** Bytes an exact run costs: time, state, cover, reason, stack and unblocker; a P run about as much. */
const EXACT_RUN_BYTES = 22;
const MIN_BUDGET = 48 << 20;
/** Share of the file's size the exact timeline may take. */
const BUDGET_PER_FILE_BYTE = 0.3;
/**
 * Fewest trace bytes per run, to bound the runs before reading: a goroutine state change
 * is an event of about four bytes (type, time delta, goroutine, sequence) and makes a
 * goroutine run, a start or stop also a P run.
 */
const MIN_TRACE_BYTES_PER_RUN = 2;
const FLOOR_BUCKETS = 65536;
const MIN_FLOOR_NS = 1000;

/** The floor for a trace of `fileBytes` spanning `spanNs`: 0 (exact) when even its most runs fit. */
export function timelineFloorNs(fileBytes: number, spanNs: number): number {
  const mostRuns = fileBytes / MIN_TRACE_BYTES_PER_RUN;
  if (mostRuns * EXACT_RUN_BYTES <= Math.max(MIN_BUDGET, fileBytes * BUDGET_PER_FILE_BYTE)) return 0;
  return Math.max(MIN_FLOOR_NS, Math.ceil((Number.isFinite(spanNs) ? spanNs : 0) / FLOOR_BUCKETS));
}
