/**
 * Level of detail for the timeline: what one viewport needs, per lane and per pixel bucket,
 * in flat typed arrays the worker transfers. A bucket holds the value that covers most of
 * it (the goroutine a P ran, a goroutine's state), how much of it is covered at all, whether
 * several runs share it (sub-pixel slices drawn merged), and for goroutine lanes the share
 * of each state; counter lanes get the bucket's low and high value.
 *
 * The work is linear in the runs inside the window plus the buckets: each lane is found by
 * binary search, so a zoomed view of a long lane costs what it shows.
 */
import { COVER_EXACT, LANE_ABSENT, LANE_STATE_COUNT } from '../../../model/timeline';

/** Runs of one lane: run r holds `value[r]` from `time[r]` until the next run or `end`. */
export interface RunLane {
  time: Float64Array;
  value: ArrayLike<number>;
  /** COVER_EXACT, or a merged run's share of time covered (×254); see model/timeline.ts. */
  cover: Uint8Array;
  /** Runs [lo, hi) of the columns are this lane's. */
  lo: number;
  hi: number;
  end: number;
  /** The value that means "nothing here" (idle P, absent goroutine). */
  empty: number;
  /** Values are lane states (goroutine lanes): shares per state are wanted. */
  states: boolean;
}

/** A step series (counter) or point events (ticks: every point counts 1). */
export interface PointLane {
  time: Float64Array;
  value: Float64Array | null;
  count: number;
  end: number;
}

export interface TileWindow {
  t0: number;
  t1: number;
  width: number;
}

/** The answer for `lanes` lanes of `width` buckets; lane i's bucket b is at i * width + b. */
export interface Tiles {
  t0: number;
  t1: number;
  width: number;
  lanes: number;
  /** Value covering most of the bucket, -1 where nothing is. */
  dominant: Int32Array;
  /** Share of the bucket covered by anything but `empty`, 0–255. */
  cover: Uint8Array;
  /** 1 where more than one run meets the bucket (drawn as merged slices). */
  merged: Uint8Array;
  /** Goroutine lanes: share of each LANE_* state, 0–255, at (i * width + b) * LANE_STATE_COUNT + state. */
  shares: Uint8Array;
  /** Counter lanes: lowest and highest value in the bucket (NaN: no data); ticks: count in `high`. */
  low: Float64Array;
  high: Float64Array;
}

export function emptyTiles(w: TileWindow, lanes: number): Tiles {
  const n = lanes * w.width;
  return {
    ...w,
    lanes,
    dominant: new Int32Array(n).fill(-1),
    cover: new Uint8Array(n),
    merged: new Uint8Array(n),
    shares: new Uint8Array(n * LANE_STATE_COUNT),
    low: new Float64Array(n).fill(NaN),
    high: new Float64Array(n).fill(NaN),
  };
}

/** The run of `lane` holding `t`: the last that starts at or before it (the first run when none does). */
export function runAt(lane: RunLane, t: number): number {
  let lo = lane.lo;
  let hi = lane.hi;
  // Last run starting at or before t.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lane.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(lane.lo, lo - 1);
}

/** Work arrays for one tile answer, reused lane after lane. */
export class TileScratch {
  readonly best: Float64Array;
  readonly covered: Float64Array;
  readonly runs: Uint16Array;
  readonly stateNs: Float64Array;
  constructor(width: number) {
    this.best = new Float64Array(width);
    this.covered = new Float64Array(width);
    this.runs = new Uint16Array(width);
    this.stateNs = new Float64Array(width * LANE_STATE_COUNT);
  }
}

/** Fills lane `li` of `out` from a run lane. */
export function fillRunLane(out: Tiles, li: number, lane: RunLane, scratch: TileScratch): void {
  const { t0, t1, width } = out;
  if (lane.hi <= lane.lo || !(t1 > t0)) return;
  const bw = (t1 - t0) / width;
  const base = li * width;
  const best = scratch.best.fill(0);
  const covered = scratch.covered.fill(0);
  const runs = scratch.runs.fill(0);
  const stateNs = lane.states ? scratch.stateNs.fill(0) : null;
  for (let r = runAt(lane, t0); r < lane.hi; r++) {
    const s0 = lane.time[r];
    if (s0 >= t1) break;
    const e0 = r + 1 < lane.hi ? lane.time[r + 1] : lane.end;
    const s = Math.max(s0, t0);
    const e = Math.min(e0, t1);
    if (!(e > s)) continue;
    const v = lane.value[r];
    const c = lane.cover[r];
    // A merged run counts for the share of its time something held, and always reads as merged.
    const weight = c === COVER_EXACT ? 1 : c / (COVER_EXACT - 1);
    const b0 = Math.min(width - 1, Math.floor((s - t0) / bw));
    const b1 = Math.min(width - 1, Math.floor((e - t0) / bw));
    for (let b = b0; b <= b1; b++) {
      const overlap = Math.min(e, t0 + (b + 1) * bw) - Math.max(s, t0 + b * bw);
      if (overlap <= 0) continue;
      if (runs[b] < 65534) runs[b] += c === COVER_EXACT ? 1 : 2;
      const held = overlap * weight;
      if (stateNs) stateNs[b * LANE_STATE_COUNT + v] += held;
      if (v === lane.empty) continue;
      covered[b] += held;
      if (held > best[b]) {
        best[b] = held;
        out.dominant[base + b] = v;
      }
    }
  }
  for (let b = 0; b < width; b++) {
    out.cover[base + b] = Math.round(Math.min(1, covered[b] / bw) * 255);
    out.merged[base + b] = runs[b] > 1 ? 1 : 0;
  }
  if (stateNs) {
    const sb = base * LANE_STATE_COUNT;
    for (let i = 0; i < stateNs.length; i++) out.shares[sb + i] = Math.round(Math.min(1, stateNs[i] / bw) * 255);
    // The dominant state of a goroutine lane is the one with most time; absent never is.
    for (let b = 0; b < width; b++) {
      let top = -1;
      let topNs = 0;
      for (let k = 0; k < LANE_STATE_COUNT; k++) {
        const ns = stateNs[b * LANE_STATE_COUNT + k];
        if (ns > topNs && k !== LANE_ABSENT) {
          topNs = ns;
          top = k;
        }
      }
      out.dominant[base + b] = top;
    }
  }
}

/** First point at or after t. */
function pointAt(p: PointLane, t: number): number {
  let lo = 0;
  let hi = p.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.time[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Fills lane `li` from a step series (low/high of the value over each bucket, the value
 * carried into the bucket included) or, with `value` null, from point events (count per
 * bucket in `high`).
 */
export function fillPointLane(out: Tiles, li: number, p: PointLane): void {
  const { t0, t1, width } = out;
  if (p.count === 0 || !(t1 > t0)) return;
  const bw = (t1 - t0) / width;
  const base = li * width;
  const low = out.low;
  const high = out.high;
  let i = pointAt(p, t0);
  if (p.value === null) {
    for (; i < p.count && p.time[i] < t1; i++) {
      const b = base + Math.min(width - 1, Math.floor((p.time[i] - t0) / bw));
      high[b] = (high[b] || 0) + 1;
    }
    return;
  }
  const v = p.value;
  let cur = i > 0 ? v[i - 1] : NaN;
  for (let b = 0; b < width; b++) {
    const be = t0 + (b + 1) * bw;
    let lo = cur;
    let hi = cur;
    for (; i < p.count && p.time[i] < be; i++) {
      cur = v[i];
      if (!(lo <= cur)) lo = cur;
      if (!(hi >= cur)) hi = cur;
    }
    if (t0 + b * bw > p.end) break;
    low[base + b] = lo;
    high[base + b] = hi;
  }
}
