/**
 * The event consumer that builds the TimelineModel (model/timeline.ts) on a second scan of
 * a trace: a run per goroutine transition, a run per change of what a P runs, and the
 * live/runnable goroutine counts. With a floor (big traces), runs shorter than it are
 * merged per lane (lane-runs.ts), so memory follows the trace's length, not its events.
 */
import { GO_NOT_EXIST, GO_RUNNABLE, GO_RUNNING, GO_SYSCALL, GO_UNDETERMINED, GO_WAITING, NONE, SCOPE_GOROUTINE, isSyncReason, type TraceSymbols } from '../../../model/trace';
import {
  LANE_ABSENT,
  LANE_BLOCKED_NET,
  LANE_BLOCKED_OTHER,
  LANE_BLOCKED_SYNC,
  LANE_GC_ASSIST,
  LANE_RUNNABLE,
  LANE_RUNNING,
  LANE_SYSCALL,
  type StepSeries,
  type TimelineModel,
} from '../../../model/timeline';
import { GrowableFloat64, grown } from '../../../model/growable';
import { type EventConsumer, type EventRows, F, K_GO, K_LABEL, K_PROC, K_RANGE, N, fromState, toState } from '../events';
import { GoroutineSlots } from './goroutine-slots';
import { IdFlags, IdIndex, IdValues } from './idmap';
import { LaneRuns } from './lane-runs';

/**
 * A step series (a count over time). Points at one instant collapse into the last value;
 * with a floor, each floor of time keeps at most its lowest, highest and last value (in
 * time order), so the lowest and highest over any longer stretch stay exact.
 */
class Steps {
  private readonly time = new GrowableFloat64(1024);
  private readonly value = new GrowableFloat64(1024);
  current = 0;
  // With a floor: the bucket being gathered, its extremes and their times.
  private bucket = NaN;
  private lo = 0;
  private loT = 0;
  private hi = 0;
  private hiT = 0;
  private lastT = 0;

  constructor(private readonly floorNs: number) {}

  add(t: number, delta: number): void {
    this.current += delta;
    const v = this.current;
    if (this.floorNs === 0) return this.point(t, v);
    const b = Math.floor(t / this.floorNs);
    if (b !== this.bucket) {
      this.flush();
      this.bucket = b;
      this.lo = this.hi = v;
      this.loT = this.hiT = t;
    } else if (v < this.lo) {
      this.lo = v;
      this.loT = t;
    } else if (v > this.hi) {
      this.hi = v;
      this.hiT = t;
    }
    this.lastT = t;
  }

  private point(t: number, v: number): void {
    const n = this.time.length;
    if (n > 0 && this.time.data[n - 1] === t) this.value.data[n - 1] = v;
    else if (n === 0 || this.value.data[n - 1] !== v) {
      this.time.push(t);
      this.value.push(v);
    }
  }

  private flush(): void {
    if (this.bucket !== this.bucket) return;
    const pts: [number, number][] = [
      [this.loT, this.lo],
      [this.hiT, this.hi],
      [this.lastT, this.current],
    ];
    pts.sort((a, b) => a[0] - b[0]);
    for (const [t, v] of pts) this.point(t, v);
  }

  series(): StepSeries {
    this.flush();
    this.bucket = NaN;
    return { count: this.time.length, time: this.time.finish(), value: this.value.finish() };
  }
}

export interface TimelineOptions {
  /** Runs shorter than this are merged per lane; 0 (the default) keeps every run. */
  floorNs?: number;
  /** A window: runs that end before `from` are left out, and the scan stops after `to`. */
  from?: number;
  to?: number;
  /** Goroutines and Ps expected (the model's counts), so lane state is sized once. */
  goroutines?: number;
  procs?: number;
}

export class TimelineBuilder implements EventConsumer {
  private readonly slots = new GoroutineSlots(true);
  /** Goroutine lanes (by slot): lane states, with reason, stack and unblocker as details. */
  private readonly gRuns: LaneRuns;
  /** P lanes, numbered in order of first appearance: the goroutine slot running, -1 idle. */
  private readonly pRuns: LaneRuns;
  private readonly procLane = new IdIndex();
  private readonly procIds = new GrowableFloat64(16);
  /** Per goroutine slot: the P lane it runs on, -1 when not running. */
  private runningOn = new Int32Array(1024).fill(-1);
  private readonly live: Steps;
  private readonly runnable: Steps;
  /**
   * A window keeps no counters: read from a generation's start, it would count only the
   * goroutines that generation mentions, and the whole timeline's counters are drawn.
   */
  private readonly counting: boolean;
  /** Lane code of a block reason (string id). */
  private readonly blockCode: IdValues;
  /** Range names (string ids) that are GC assists; per goroutine slot, 1 while inside one. */
  private readonly assistName: IdFlags;
  private assisting = new Uint8Array(1024);
  /** Per goroutine slot: its last label (string id), 0 none. */
  private labels = new Int32Array(1024);
  private lastTs = 0;
  private transitions = 0;

  private readonly floorNs: number;
  private readonly stopAfter: number;
  private readonly slotsHint: number;

  /** Reads `syms` and never interns into it. */
  constructor(syms: TraceSymbols, opts: TimelineOptions = {}) {
    const floorNs = (this.floorNs = opts.floorNs ?? 0);
    this.stopAfter = opts.to ?? Infinity;
    this.slotsHint = opts.goroutines ?? 0;
    const from = opts.from ?? -Infinity;
    this.gRuns = new LaneRuns(floorNs, LANE_ABSENT, 3, true, from, opts.goroutines);
    this.pRuns = new LaneRuns(floorNs, -1, 0, false, from, opts.procs);
    this.live = new Steps(floorNs);
    this.runnable = new Steps(floorNs);
    this.counting = opts.from === undefined;
    this.assistName = new IdFlags((name) => syms.strings[name] === 'GC mark assist');
    this.blockCode = new IdValues((reason) => {
      const r = syms.strings[reason];
      if (r === 'network') return LANE_BLOCKED_NET;
      return isSyncReason(r) ? LANE_BLOCKED_SYNC : LANE_BLOCKED_OTHER;
    });
  }

  /** A window's scan stops once past its end. */
  get stopped(): boolean {
    return this.lastTs > this.stopAfter;
  }

  consume(ev: EventRows, count: number): void {
    const { kind, time, f, n } = ev;
    for (let i = 0; i < count; i++) {
      const k = kind[i];
      if (k === K_GO) this.goTransition(time[i], f, n, i * F, i * N);
      else if (k === K_PROC) this.procLaneOf(f[i * F]);
      else if (k === K_RANGE) this.range(time[i], f, n, i * F, i * N);
      else if (k === K_LABEL) this.label(f[i * F], n[i * N]);
    }
    if (count > 0) this.lastTs = time[count - 1];
  }

  private goTransition(t: number, f: Float64Array, n: Int32Array, fb: number, nb: number): void {
    const from = fromState(n[nb]);
    const to = toState(n[nb]);
    if (from === to) return;
    const goid = f[fb];
    const slot = this.slots.of(goid, from, to);
    if (slot < 0) return;
    this.transitions++;
    if (slot >= this.runningOn.length) this.runningOn = grown(this.runningOn, Math.max(slot + 1, this.slotsHint), -1);
    const reason = n[nb + 1];
    const ctxG = f[fb + 1];
    const by = ctxG === NONE || ctxG === goid ? -1 : this.slots.current(ctxG);
    this.gRuns.set(slot, t, this.laneState(to, reason, slot), reason, n[nb + 3], by);

    if (this.counting) {
      if (from === GO_UNDETERMINED || from === GO_NOT_EXIST) this.live.add(t, 1);
      if (to === GO_NOT_EXIST) this.live.add(t, -1);
      if (to === GO_RUNNABLE) this.runnable.add(t, 1);
      if (from === GO_RUNNABLE) this.runnable.add(t, -1);
    }

    if (from === GO_RUNNING) {
      const p = this.runningOn[slot];
      if (p >= 0 && this.pRuns.current(p) === slot) this.pRuns.set(p, t, -1);
      this.runningOn[slot] = -1;
    }
    const ctxP = f[fb + 2];
    if (to === GO_RUNNING && ctxP !== NONE) {
      const p = this.procLaneOf(ctxP);
      this.pRuns.set(p, t, slot);
      this.runningOn[slot] = p;
    }
  }

  private label(goid: number, label: number): void {
    const slot = this.slots.current(goid);
    if (slot < 0) return;
    if (slot >= this.labels.length) this.labels = grown(this.labels, Math.max(slot + 1, this.slotsHint));
    this.labels[slot] = label;
  }

  /** A "GC mark assist" range of a goroutine: while it runs inside one, its lane says so. */
  private range(t: number, f: Float64Array, n: Int32Array, fb: number, nb: number): void {
    if (n[nb + 2] !== SCOPE_GOROUTINE || !this.assistName.has(n[nb + 1])) return;
    const slot = this.slots.current(f[fb]);
    if (slot < 0) return;
    if (slot >= this.assisting.length) this.assisting = grown(this.assisting, slot + 1);
    const on = n[nb] !== 2;
    this.assisting[slot] = on ? 1 : 0;
    const cur = this.gRuns.current(slot);
    if (on && cur === LANE_RUNNING) this.gRuns.set(slot, t, LANE_GC_ASSIST, 0, n[nb + 3], -1);
    else if (!on && cur === LANE_GC_ASSIST) this.gRuns.set(slot, t, LANE_RUNNING, 0, 0, -1);
  }

  private laneState(to: number, reason: number, slot: number): number {
    switch (to) {
      case GO_RUNNING:
        return slot < this.assisting.length && this.assisting[slot] === 1 ? LANE_GC_ASSIST : LANE_RUNNING;
      case GO_RUNNABLE:
        return LANE_RUNNABLE;
      case GO_SYSCALL:
        return LANE_SYSCALL;
      case GO_WAITING:
        return this.blockCode.get(reason);
      default:
        return LANE_ABSENT;
    }
  }

  private procLaneOf(proc: number): number {
    let p = this.procLane.get(proc);
    if (p < 0) {
      p = this.procIds.push(proc);
      this.procLane.set(proc, p);
    }
    return p;
  }

  build(): TimelineModel {
    const end = this.lastTs;
    const g = this.gRuns.finish(end, this.slots.count, true);
    const p = this.pRuns.finish(end, this.procIds.length);
    const [reason, stack, by] = g.details.length === 3 ? g.details : [new Int32Array(0), new Int32Array(0), new Int32Array(0)];
    return {
      endNs: end,
      floorNs: this.floorNs,
      goroutines: { count: g.count, id: this.slots.ids!.finish(), label: fitted(this.labels, g.count), offset: g.offset, time: g.time, state: g.value as Uint8Array, cover: g.cover, reason, stack, by },
      procs: { count: p.count, proc: this.procIds.finish(), offset: p.offset, time: p.time, slot: p.value as Int32Array, cover: p.cover },
      liveGoroutines: this.live.series(),
      runnableGoroutines: this.runnable.series(),
      transitions: this.transitions,
    };
  }
}

/** `a` cut or padded (with zeros) to `n` elements. */
function fitted(a: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n);
  out.set(a.subarray(0, Math.min(n, a.length)));
  return out;
}
