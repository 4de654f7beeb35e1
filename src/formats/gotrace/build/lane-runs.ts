/**
 * Runs of values per lane, recorded as a stream of changes "lane L holds value V from time
 * t". A run is written when it ends, so its length is known: with a floor of 0 every run is
 * kept exactly (with its details); with a floor, runs shorter than it are merged with their
 * neighbours into one run that keeps the value that held longest and the share of the time
 * anything was there (cover), so a lane costs at most about two runs per floor of time.
 */
import { grown } from '../../../model/growable';
import { COVER_EXACT } from '../../../model/timeline';

/** Most `cover` of a merged run (all of its time covered). */
const FULL = COVER_EXACT - 1;

export interface LaneRunColumns {
  count: number;
  offset: Int32Array;
  time: Float64Array;
  /** Int32, or Uint8 for lanes of small values (see `finish`). */
  value: Int32Array | Uint8Array;
  cover: Uint8Array;
  /** With a floor of 0: the details given with each run (e.g. reason, stack, by), else empty. */
  details: Int32Array[];
}

/** Rows per chunk of the runs written so far. */
const CHUNK = 1 << 16;

/** CHUNK runs in the order they ended. Chunks never move (no copy as they fill), and each is let go once sorted out. */
interface Chunk {
  lane: Int32Array;
  time: Float64Array;
  value: Int32Array;
  cover: Uint8Array;
  details: Int32Array[];
}

export class LaneRuns {
  private readonly chunks: Chunk[] = [];
  /** Rows used in the last chunk. */
  private used = CHUNK;
  private readonly detailCount: number;
  // Per lane, indexed directly (this is the per-event path): the run in progress (its start
  // is NaN before the first) and its details, d per lane at l * d.
  private curStart = new Float64Array(0);
  private curValue = new Int32Array(0);
  private curDetails = new Int32Array(0);
  // Per lane, with a floor: short runs merged so far (start NaN: none).
  private pendStart = new Float64Array(0);
  private pendCovered = new Float64Array(0);
  private pendBest = new Int32Array(0);
  private pendBestNs = new Float64Array(0);
  private capacity = 0;
  lanes = 0;

  constructor(
    /** Runs shorter than this are merged; 0 keeps every run. */
    readonly floorNs: number,
    /** The value that means "nothing" (idle P, absent goroutine). */
    private readonly empty: number,
    detailCount: number,
    /** Keep runs that last no time (every goroutine transition is one), when the floor is 0. */
    private readonly keepInstants = false,
    /** Runs that end before this are left out (a window read from the middle of a trace). */
    private readonly keepFrom = -Infinity,
    /** Lanes expected (goroutines and Ps the model counted): sized once, no regrowth. */
    lanesHint = 16,
  ) {
    this.detailCount = floorNs === 0 ? detailCount : 0;
    this.grow(Math.max(16, lanesHint));
  }

  private grow(min: number): void {
    const n = Math.max(min, this.capacity * 2);
    this.curStart = grown(this.curStart, n, NaN);
    this.curValue = grown(this.curValue, n, this.empty);
    this.curDetails = grown(this.curDetails, n * this.detailCount);
    this.pendStart = grown(this.pendStart, n, NaN);
    this.pendCovered = grown(this.pendCovered, n);
    this.pendBest = grown(this.pendBest, n);
    this.pendBestNs = grown(this.pendBestNs, n);
    this.capacity = this.curStart.length;
  }

  /** The value lane `l` holds now (`empty` before its first run). */
  current(l: number): number {
    return l < this.capacity ? this.curValue[l] : this.empty;
  }

  /** Lane `l` holds `v` from `t`; `d0…` are the run's details (kept with a floor of 0 only). */
  set(l: number, t: number, v: number, d0 = 0, d1 = 0, d2 = 0): void {
    if (l >= this.capacity) this.grow(l + 1);
    if (l >= this.lanes) this.lanes = l + 1;
    const start = this.curStart[l];
    if (start === start) {
      if (v === this.curValue[l]) return;
      if (t <= start && !(this.keepInstants && this.floorNs === 0)) {
        // Nothing held for any time: the new value replaces it.
        this.curValue[l] = v;
        this.setDetails(l, d0, d1, d2);
        return;
      }
      this.ended(l, start, t);
    }
    this.curStart[l] = t;
    this.curValue[l] = v;
    this.setDetails(l, d0, d1, d2);
  }

  private setDetails(l: number, d0: number, d1: number, d2: number): void {
    const n = this.detailCount;
    if (n === 0) return;
    const d = this.curDetails;
    const at = l * n;
    d[at] = d0;
    if (n > 1) d[at + 1] = d1;
    if (n > 2) d[at + 2] = d2;
  }

  /** The run of lane `l` from `start` ended at `t`. */
  private ended(l: number, start: number, t: number): void {
    if (t < this.keepFrom) return;
    const v = this.curValue[l];
    const floor = this.floorNs;
    if (floor === 0 || t - start >= floor) {
      if (floor > 0) this.flushPending(l, start);
      const c = this.emit(l, start, v, COVER_EXACT);
      const n = this.detailCount;
      for (let k = 0; k < n; k++) c.details[k][this.used - 1] = this.curDetails[l * n + k];
      return;
    }
    let ps = this.pendStart[l];
    if (ps !== ps) {
      ps = start;
      this.pendStart[l] = start;
      this.pendCovered[l] = 0;
      this.pendBestNs[l] = 0;
      this.pendBest[l] = this.empty;
    }
    const dur = t - start;
    if (v !== this.empty) {
      this.pendCovered[l] += dur;
      if (dur > this.pendBestNs[l]) {
        this.pendBestNs[l] = dur;
        this.pendBest[l] = v;
      }
    }
    // A merged run is at most about one floor long, so zooming in finds its parts apart.
    if (t - ps >= floor) this.flushPending(l, t);
  }

  private flushPending(l: number, end: number): void {
    const ps = this.pendStart[l];
    if (ps !== ps) return;
    this.pendStart[l] = NaN;
    this.emit(l, ps, this.pendBest[l], Math.round((this.pendCovered[l] / Math.max(1, end - ps)) * FULL));
  }

  /** Appends a run; returns its chunk (the run is row `used - 1` of it). */
  private emit(l: number, t: number, v: number, cover: number): Chunk {
    if (this.used === CHUNK) {
      this.chunks.push({
        lane: new Int32Array(CHUNK),
        time: new Float64Array(CHUNK),
        value: new Int32Array(CHUNK),
        cover: new Uint8Array(CHUNK),
        details: Array.from({ length: this.detailCount }, () => new Int32Array(CHUNK)),
      });
      this.used = 0;
    }
    const c = this.chunks[this.chunks.length - 1];
    const i = this.used++;
    c.lane[i] = l;
    c.time[i] = t;
    c.value[i] = v;
    c.cover[i] = cover;
    return c;
  }

  /**
   * Ends every lane's run at `end` and groups the runs by lane, each in time order (a
   * stable counting sort: runs of a lane were written in time order). The runs are moved
   * chunk by chunk into the result, each chunk let go once moved, so the peak is about
   * the result plus one chunk. `smallValues`: values fit a byte (lane states).
   */
  finish(end: number, lanes = this.lanes, smallValues = false): LaneRunColumns {
    for (let l = 0; l < this.lanes; l++) {
      const start = this.curStart[l];
      if (start === start && (end > start || (end === start && this.keepInstants && this.floorNs === 0))) this.ended(l, start, end);
      if (this.floorNs > 0) this.flushPending(l, end);
    }
    const rowsIn = (ci: number) => (ci === this.chunks.length - 1 ? this.used : CHUNK);
    const offset = new Int32Array(lanes + 1);
    this.chunks.forEach((c, ci) => {
      for (let r = 0, n = rowsIn(ci); r < n; r++) offset[c.lane[r] + 1]++;
    });
    for (let i = 0; i < lanes; i++) offset[i + 1] += offset[i];
    const total = offset[lanes];
    const time = new Float64Array(total);
    const value = smallValues ? new Uint8Array(total) : new Int32Array(total);
    const cover = new Uint8Array(total);
    const details = Array.from({ length: this.detailCount }, () => new Int32Array(total));
    const next = offset.slice(0, lanes);
    for (let ci = 0; ci < this.chunks.length; ci++) {
      const c = this.chunks[ci];
      for (let r = 0, n = rowsIn(ci); r < n; r++) {
        const j = next[c.lane[r]]++;
        time[j] = c.time[r];
        value[j] = c.value[r];
        cover[j] = c.cover[r];
        for (let k = 0; k < details.length; k++) details[k][j] = c.details[k][r];
      }
      this.chunks[ci] = EMPTY;
    }
    this.chunks.length = 0;
    this.used = CHUNK;
    return { count: lanes, offset, time, value, cover, details };
  }
}

const EMPTY: Chunk = { lane: new Int32Array(0), time: new Float64Array(0), value: new Int32Array(0), cover: new Uint8Array(0), details: [] };
