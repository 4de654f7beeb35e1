/**
 * Runs of values per lane, recorded as a stream of changes "lane L holds value V from time
 * t". A run is written when it ends, so its length is known: with a floor of 0 every run is
 * kept exactly (with its details); with a floor, runs shorter than it are merged with their
 * neighbours into one run that keeps the value that held longest and the share of the time
 * anything was there (cover), so a lane costs at most about two runs per floor of time.
 */
import { GrowableFloat64, GrowableInt32, GrowableUint8, SlotF64, SlotI32 } from '../../../model/growable';
import { COVER_EXACT } from '../../../model/timeline';

/** Most `cover` of a merged run (all of its time covered). */
const FULL = COVER_EXACT - 1;

export interface LaneRunColumns {
  count: number;
  offset: Int32Array;
  time: Float64Array;
  value: Int32Array;
  cover: Uint8Array;
  /** With a floor of 0: the details given with each run (e.g. reason, stack, by), else empty. */
  details: Int32Array[];
}

export class LaneRuns {
  // Runs in the order they ended.
  private readonly lane = new GrowableInt32(4096);
  private readonly time = new GrowableFloat64(4096);
  private readonly value = new GrowableInt32(4096);
  private readonly cover = new GrowableUint8(4096);
  private readonly details: GrowableInt32[];
  // Per lane: the run in progress (its start is NaN before the first).
  private readonly curStart = new SlotF64(NaN);
  private readonly curValue: SlotI32;
  private readonly curDetails: SlotI32[];
  // Per lane, with a floor: short runs merged so far (start NaN: none).
  private readonly pendStart = new SlotF64(NaN);
  private readonly pendCovered = new SlotF64();
  private readonly pendBest = new SlotI32();
  private readonly pendBestNs = new SlotF64();
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
  ) {
    this.curValue = new SlotI32(empty);
    const keep = floorNs === 0 ? detailCount : 0;
    this.details = Array.from({ length: keep }, () => new GrowableInt32(4096));
    this.curDetails = Array.from({ length: keep }, () => new SlotI32());
  }

  /** The value lane `l` holds now (`empty` before its first run). */
  current(l: number): number {
    return this.curValue.get(l);
  }

  /** Lane `l` holds `v` from `t`; `d0…` are the run's details (kept with a floor of 0 only). */
  set(l: number, t: number, v: number, d0 = 0, d1 = 0, d2 = 0): void {
    if (l >= this.lanes) this.lanes = l + 1;
    const start = this.curStart.get(l);
    if (start === start) {
      if (v === this.curValue.get(l)) return;
      if (t <= start && !(this.keepInstants && this.floorNs === 0)) {
        // Nothing held for any time: the new value replaces it.
        this.curValue.set(l, v);
        this.setDetails(l, d0, d1, d2);
        return;
      }
      this.ended(l, start, t);
    }
    this.curStart.set(l, t);
    this.curValue.set(l, v);
    this.setDetails(l, d0, d1, d2);
  }

  private setDetails(l: number, d0: number, d1: number, d2: number): void {
    const d = this.curDetails;
    if (d.length === 0) return;
    d[0].set(l, d0);
    if (d.length > 1) d[1].set(l, d1);
    if (d.length > 2) d[2].set(l, d2);
  }

  /** The run of lane `l` from `start` ended at `t`. */
  private ended(l: number, start: number, t: number): void {
    if (t < this.keepFrom) return;
    const v = this.curValue.get(l);
    const floor = this.floorNs;
    if (floor === 0 || t - start >= floor) {
      if (floor > 0) this.flushPending(l, start);
      this.emit(l, start, v, COVER_EXACT);
      const d = this.curDetails;
      for (let k = 0; k < d.length; k++) this.details[k].push(d[k].get(l));
      return;
    }
    let ps = this.pendStart.get(l);
    if (ps !== ps) {
      ps = start;
      this.pendStart.set(l, start);
      this.pendCovered.set(l, 0);
      this.pendBestNs.set(l, 0);
      this.pendBest.set(l, this.empty);
    }
    const dur = t - start;
    if (v !== this.empty) {
      this.pendCovered.add(l, dur);
      if (dur > this.pendBestNs.get(l)) {
        this.pendBestNs.set(l, dur);
        this.pendBest.set(l, v);
      }
    }
    // A merged run is at most about one floor long, so zooming in finds its parts apart.
    if (t - ps >= floor) this.flushPending(l, t);
  }

  private flushPending(l: number, end: number): void {
    const ps = this.pendStart.get(l);
    if (ps !== ps) return;
    this.pendStart.set(l, NaN);
    const covered = this.pendCovered.get(l);
    this.emit(l, ps, this.pendBest.get(l), Math.round((covered / Math.max(1, end - ps)) * FULL));
  }

  private emit(l: number, t: number, v: number, cover: number): void {
    this.lane.push(l);
    this.time.push(t);
    this.value.push(v);
    this.cover.push(cover);
  }

  /** Ends every lane's run at `end` and groups the runs by lane, each in time order. */
  finish(end: number, lanes = this.lanes): LaneRunColumns {
    for (let l = 0; l < this.lanes; l++) {
      const start = this.curStart.get(l);
      if (start === start && (end > start || (end === start && this.keepInstants && this.floorNs === 0))) this.ended(l, start, end);
      if (this.floorNs > 0) this.flushPending(l, end);
    }
    const { offset, order } = groupByLane(this.lane.view(), lanes);
    const n = order.length;
    return {
      count: lanes,
      offset,
      time: gather(this.time.view(), order, new Float64Array(n)),
      value: gather(this.value.view(), order, new Int32Array(n)),
      cover: gather(this.cover.view(), order, new Uint8Array(n)),
      details: this.details.map((d) => gather(d.view(), order, new Int32Array(n))),
    };
  }
}

/**
 * A stable counting sort of rows by lane: `order[j]` is the row that goes to position j,
 * and lane i's rows are positions [offset[i], offset[i + 1]).
 */
function groupByLane(lane: Int32Array, lanes: number): { offset: Int32Array; order: Int32Array } {
  const offset = new Int32Array(lanes + 1);
  for (let r = 0; r < lane.length; r++) offset[lane[r] + 1]++;
  for (let i = 0; i < lanes; i++) offset[i + 1] += offset[i];
  const next = offset.slice(0, lanes);
  const order = new Int32Array(lane.length);
  for (let r = 0; r < lane.length; r++) order[next[lane[r]]++] = r;
  return { offset, order };
}

function gather<T extends Float64Array | Int32Array | Uint8Array>(src: T, order: Int32Array, out: T): T {
  for (let j = 0; j < order.length; j++) out[j] = src[order[j]];
  return out;
}
