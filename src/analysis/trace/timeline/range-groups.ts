/**
 * The goroutine analysis of a time range: the goroutines that existed in [t0, t1] grouped
 * by start function, with the time each group spent in each state inside the range only.
 * Read off the timeline's runs, so it costs one pass over them, whatever the range.
 */
import { LANE_ABSENT, LANE_STATE_COUNT, type TimelineModel } from '../../../model/timeline';
import type { TraceModel } from '../../../model/trace';

export interface RangeGroup {
  /** Start function; "" when unknown. */
  name: string;
  /** Goroutines that existed at some time in the range. */
  count: number;
  /** Nanoseconds inside the range per LANE_* state (index 0, absent, stays 0). */
  ns: number[];
}

export function rangeGroups(model: TraceModel, tl: TimelineModel, t0: number, t1: number): RangeGroup[] {
  const g = tl.goroutines;
  const byName = new Map<number, RangeGroup>();
  const ns = new Float64Array(LANE_STATE_COUNT);
  for (let s = 0; s < g.count; s++) {
    ns.fill(0);
    let present = false;
    const hi = g.offset[s + 1];
    for (let r = g.offset[s]; r < hi; r++) {
      const start = g.time[r];
      if (start >= t1) break;
      const end = r + 1 < hi ? g.time[r + 1] : tl.endNs;
      const d = Math.min(end, t1) - Math.max(start, t0);
      if (d <= 0 || g.state[r] === LANE_ABSENT) continue;
      present = true;
      ns[g.state[r]] += d;
    }
    if (!present) continue;
    const name = model.goroutines.name[s];
    let grp = byName.get(name);
    if (!grp) {
      grp = { name: model.symbols.strings[name] ?? '', count: 0, ns: new Array<number>(LANE_STATE_COUNT).fill(0) };
      byName.set(name, grp);
    }
    grp.count++;
    for (let k = 1; k < LANE_STATE_COUNT; k++) grp.ns[k] += ns[k];
  }
  const total = (x: RangeGroup) => x.ns.reduce((a, b) => a + b, 0);
  return [...byName.values()].sort((a, b) => b.count - a.count || total(b) - total(a) || (a.name < b.name ? -1 : 1));
}
