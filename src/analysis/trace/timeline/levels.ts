/**
 * Coarser copies of a lane (mipmaps): runs shorter than a floor merged, as the timeline
 * builder merges them below its own floor, so a wide window walks a few runs per pixel
 * instead of every run. Levels are 4× apart and made on first use per lane.
 */
import { COVER_EXACT } from '../../../model/timeline';
import type { RunLane } from './tiles';

const FULL = COVER_EXACT - 1;

export function coarsen(lane: RunLane, floorNs: number): RunLane {
  const time: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  let ps = NaN;
  let covered = 0;
  let best = lane.empty;
  let bestNs = 0;
  const flush = (end: number) => {
    if (ps !== ps) return;
    time.push(ps);
    value.push(best);
    cover.push(Math.round((covered / Math.max(1, end - ps)) * FULL));
    ps = NaN;
  };
  for (let r = lane.lo; r < lane.hi; r++) {
    const s = lane.time[r];
    const e = r + 1 < lane.hi ? lane.time[r + 1] : lane.end;
    const c = lane.cover[r];
    const v = lane.value[r];
    if (c === COVER_EXACT && e - s >= floorNs) {
      flush(s);
      time.push(s);
      value.push(v);
      cover.push(COVER_EXACT);
      continue;
    }
    if (ps !== ps) {
      ps = s;
      covered = 0;
      best = lane.empty;
      bestNs = 0;
    }
    const held = (e - s) * (c === COVER_EXACT ? 1 : c / FULL);
    if (v !== lane.empty) {
      covered += held;
      if (held > bestNs) {
        bestNs = held;
        best = v;
      }
    }
    if (e - ps >= floorNs) flush(e);
  }
  flush(lane.end);
  return {
    ...lane,
    time: Float64Array.from(time),
    value: Int32Array.from(value),
    cover: Uint8Array.from(cover),
    lo: 0,
    hi: time.length,
  };
}

/** Lanes with fewer runs are walked whole: a level would not pay for itself. */
export const LEVEL_MIN_RUNS = 4096;
/** The finest level's floor, when the timeline itself is exact. */
const BASE_FLOOR_NS = 1000;

/** The level (0: the lane itself) whose floor is at most half a bucket of `bucketNs`. */
export function levelFor(timelineFloorNs: number, bucketNs: number): number {
  const base = Math.max(timelineFloorNs, BASE_FLOOR_NS);
  let k = 0;
  while (base * 4 ** (k + 1) <= bucketNs / 2) k++;
  return k;
}

export function levelFloorNs(timelineFloorNs: number, level: number): number {
  return Math.max(timelineFloorNs, BASE_FLOOR_NS) * 4 ** level;
}
