/**
 * A window read again from the trace (every run exact) put into the whole timeline's lanes:
 * its goroutines become the whole trace's slots (found by id and time, as ids can be
 * reused) and its Ps the whole timeline's P lanes, so the same lane keys, tiles and slice
 * lookups serve both.
 */
import { type GoroutineRuns, LANE_ABSENT, type TimelineModel } from '../../../model/timeline';
import type { GoroutineTable } from '../../../model/trace';

/** Goroutine id and time → slot, by binary search over the slots sorted by id. */
export class SlotFinder {
  private readonly ids: Float64Array;
  private readonly slots: Int32Array;

  constructor(private readonly g: GoroutineTable) {
    const order = Int32Array.from({ length: g.count }, (_, i) => i).sort((a, b) => g.id[a] - g.id[b] || a - b);
    this.slots = order;
    this.ids = Float64Array.from(order, (s) => g.id[s]);
  }

  /** The slot of goroutine `id` alive at `t` (the last created before it), -1 if none. */
  find(id: number, t: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    let found = -1;
    for (let i = lo; i < this.ids.length && this.ids[i] === id; i++) {
      const s = this.slots[i];
      if (found < 0 || this.g.creationNs[s] <= t) found = s;
    }
    return found;
  }
}

/**
 * `win` (read from `from`) in `whole`'s lanes. A goroutine the window's scan met only late,
 * or not at all (the trace states a goroutine's status when it is next touched, and a
 * blocked one may not be), keeps the whole timeline's runs until the window's first.
 */
export function inGlobalLanes(win: TimelineModel, whole: TimelineModel, finder: SlotFinder, from: number): TimelineModel {
  const wg = win.goroutines;
  // Window slot → whole slot, by id at the time of its first run.
  const map = new Int32Array(wg.count).fill(-1);
  for (let s = 0; s < wg.count; s++) {
    const first = wg.offset[s] < wg.offset[s + 1] ? wg.time[wg.offset[s]] : win.endNs;
    map[s] = finder.find(wg.id[s], first);
  }
  const goroutines = regroup(wg, map, whole.goroutines, from, win.endNs);
  const procLane = new Map<number, number>();
  whole.procs.proc.forEach((p, i) => procLane.set(p, i));
  const wp = win.procs;
  const pMap = Int32Array.from(wp.proc, (p) => procLane.get(p) ?? -1);
  const pOffset = new Int32Array(whole.procs.count + 1);
  for (let i = 0; i < wp.count; i++) if (pMap[i] >= 0) pOffset[pMap[i] + 1] = wp.offset[i + 1] - wp.offset[i];
  for (let i = 0; i < whole.procs.count; i++) pOffset[i + 1] += pOffset[i];
  const n = pOffset[whole.procs.count];
  const time = new Float64Array(n);
  const slot = new Int32Array(n);
  const cover = new Uint8Array(n);
  for (let i = 0; i < wp.count; i++) {
    const to = pMap[i];
    if (to < 0) continue;
    for (let r = wp.offset[i], j = pOffset[to]; r < wp.offset[i + 1]; r++, j++) {
      time[j] = wp.time[r];
      slot[j] = wp.slot[r] < 0 ? -1 : map[wp.slot[r]];
      cover[j] = wp.cover[r];
    }
  }
  return {
    ...win,
    goroutines,
    procs: { count: whole.procs.count, proc: whole.procs.proc, offset: pOffset, time, slot, cover },
  };
}

function regroup(wg: GoroutineRuns, map: Int32Array, whole: GoroutineRuns, from: number, to: number): GoroutineRuns {
  const lanes = whole.count;
  // Per whole slot: the window slot that fills it (-1: none), and the time its runs start.
  const src = new Int32Array(lanes).fill(-1);
  for (let s = 0; s < wg.count; s++) if (map[s] >= 0) src[map[s]] = s;
  const firstOf = (l: number) => (src[l] >= 0 && wg.offset[src[l]] < wg.offset[src[l] + 1] ? wg.time[wg.offset[src[l]]] : Infinity);
  // Whole runs [lo, hi) of lane l that the window has nothing for.
  const before = (l: number): [number, number] => {
    const lo0 = whole.offset[l];
    const hi0 = whole.offset[l + 1];
    const until = Math.min(firstOf(l), to);
    let lo = lo0;
    while (lo + 1 < hi0 && whole.time[lo + 1] <= from) lo++;
    // Not there at all (not created yet, or exited): nothing to keep.
    while (lo < hi0 && whole.state[lo] === LANE_ABSENT && whole.time[lo] < until) lo++;
    let hi = lo;
    while (hi < hi0 && whole.time[hi] < until) hi++;
    return [lo, hi];
  };
  const offset = new Int32Array(lanes + 1);
  for (let l = 0; l < lanes; l++) {
    const [lo, hi] = before(l);
    offset[l + 1] = hi - lo + (src[l] >= 0 ? wg.offset[src[l] + 1] - wg.offset[src[l]] : 0);
  }
  for (let i = 0; i < lanes; i++) offset[i + 1] += offset[i];
  const n = offset[lanes];
  const out: GoroutineRuns = {
    count: lanes,
    id: whole.id,
    label: whole.label,
    offset,
    time: new Float64Array(n),
    state: new Uint8Array(n),
    cover: new Uint8Array(n),
    reason: new Int32Array(n),
    stack: new Int32Array(n),
    by: new Int32Array(n).fill(-1),
  };
  const exactWhole = whole.reason.length > 0;
  for (let l = 0; l < lanes; l++) {
    let j = offset[l];
    const [lo, hi] = before(l);
    for (let r = lo; r < hi; r++, j++) {
      out.time[j] = whole.time[r];
      out.state[j] = whole.state[r];
      out.cover[j] = whole.cover[r];
      if (exactWhole) {
        out.reason[j] = whole.reason[r];
        out.stack[j] = whole.stack[r];
        out.by[j] = whole.by[r];
      }
    }
    const s = src[l];
    if (s < 0) continue;
    for (let r = wg.offset[s]; r < wg.offset[s + 1]; r++, j++) {
      out.time[j] = wg.time[r];
      out.state[j] = wg.state[r];
      out.cover[j] = wg.cover[r];
      out.reason[j] = wg.reason[r];
      out.stack[j] = wg.stack[r];
      out.by[j] = wg.by[r] < 0 ? -1 : map[wg.by[r]];
    }
  }
  return out;
}
