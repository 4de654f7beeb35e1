/**
 * How fine the in-memory timeline is. Every run is kept while they fit a budget that grows
 * with the file (a few MB traces stay exact); beyond it, runs shorter than 1/65,536 of the
 * trace are merged per lane, so a whole-trace view of a 1 GB trace costs what a small one
 * does, and a zoomed window is read again from the trace exactly (timeline windows).
 */
import type { TraceModel } from '../../../model/trace';

/** Bytes an exact run costs: time, state, cover, reason, stack and unblocker; a P run about as much. */
const EXACT_RUN_BYTES = 22;
const MIN_BUDGET = 48 << 20;
/** Share of the file's size the exact timeline may take. */
const BUDGET_PER_FILE_BYTE = 0.3;
export const FLOOR_BUCKETS = 65536;

export function timelineFloorNs(model: TraceModel, fileBytes: number): number {
  const s = model.summary;
  let runs = 0;
  for (const [k, n] of Object.entries(s.goStateTransitions)) {
    const [from, to] = k.split('->');
    if (from === to) continue;
    runs += n;
    // A goroutine starting or stopping on a P is a P run too.
    if (from === 'Running' || to === 'Running') runs += n;
  }
  if (runs * EXACT_RUN_BYTES <= Math.max(MIN_BUDGET, fileBytes * BUDGET_PER_FILE_BYTE)) return 0;
  return Math.max(1000, Math.ceil(s.endNs / FLOOR_BUCKETS));
}
