/**
 * How busy each P is over a time window, per pixel-wide bucket: the share of the bucket's
 * time a goroutine was running on it. Computed by replaying the trace into a sink that
 * stops at the window's end, so nothing per event is kept; this is the coarse level of a
 * timeline's P lanes.
 */
import { GO_RUNNING, type TraceEventSink } from '../../model/trace';

export interface ProcBusy {
  startNs: number;
  endNs: number;
  buckets: number;
  /** P ids, ascending: lane i is procs[i]. */
  procs: Float64Array;
  /** procs.length × buckets shares in [0, 1], lane after lane. */
  busy: Float32Array;
}

/** Collects running intervals per P and spreads them over the window's buckets. */
export class ProcBusySink implements TraceEventSink {
  stopped = false;
  /** P id → [lane, when its current goroutine started running or NaN]. */
  private readonly lanes = new Map<number, { lane: number; since: number }>();
  private sums: Float64Array[] = [];
  private readonly width: number;

  constructor(
    readonly startNs: number,
    readonly endNs: number,
    readonly buckets: number,
  ) {
    this.width = (endNs - startNs) / buckets;
  }

  sync(t: number): void {
    // Every event up to the window's end has been seen once a later generation begins.
    if (t > this.endNs) this.stopped = true;
  }

  goTransition(t: number, _goid: number, from: number, to: number, _r: number, _e: number, _s: number, _g: number, ctxP: number): void {
    if (ctxP < 0 || from === to) return;
    if (from === GO_RUNNING) this.stop(ctxP, t);
    if (to === GO_RUNNING) this.laneOf(ctxP).since = t;
  }

  procTransition(t: number, proc: number): void {
    this.laneOf(proc);
    if (t > this.endNs) this.stopped = true;
  }

  range(): void {}
  metric(): void {}
  label(): void {}
  task(): void {}
  region(): void {}
  log(): void {}
  cpuSample(): void {}
  experimental(): void {}

  /** The answer, with goroutines still running counted up to `traceEndNs`. */
  result(traceEndNs: number): ProcBusy {
    for (const [p, l] of this.lanes) if (!Number.isNaN(l.since)) this.stop(p, traceEndNs);
    const ids = [...this.lanes.keys()].sort((a, b) => a - b);
    const busy = new Float32Array(ids.length * this.buckets);
    ids.forEach((p, i) => {
      const sums = this.sums[this.lanes.get(p)!.lane];
      for (let b = 0; b < this.buckets; b++) busy[i * this.buckets + b] = Math.min(1, sums[b] / this.width);
    });
    return { startNs: this.startNs, endNs: this.endNs, buckets: this.buckets, procs: Float64Array.from(ids), busy };
  }

  private laneOf(p: number): { lane: number; since: number } {
    let l = this.lanes.get(p);
    if (!l) {
      this.lanes.set(p, (l = { lane: this.sums.length, since: NaN }));
      this.sums.push(new Float64Array(this.buckets));
    }
    return l;
  }

  /** Adds [since, t) of P `p`, clipped to the window, to its buckets. */
  private stop(p: number, t: number): void {
    const l = this.laneOf(p);
    const from = Math.max(l.since, this.startNs);
    const to = Math.min(t, this.endNs);
    l.since = NaN;
    if (!(to > from)) return;
    const sums = this.sums[l.lane];
    let b = Math.min(this.buckets - 1, Math.floor((from - this.startNs) / this.width));
    let at = from;
    while (at < to && b < this.buckets) {
      const edge = Math.min(to, this.startNs + (b + 1) * this.width);
      sums[b] += edge - at;
      at = edge;
      b++;
    }
  }
}
