/**
 * The event consumer that builds the TimelineModel (model/timeline.ts) on a second scan of
 * a trace: one run per goroutine transition, one run per change of what a P runs, and the
 * live/runnable goroutine counts. Runs are appended in event order and grouped by lane once
 * at the end (a counting sort), so the per-event path is a few typed-array writes.
 */
import { GO_NOT_EXIST, GO_RUNNABLE, GO_RUNNING, GO_SYSCALL, GO_UNDETERMINED, GO_WAITING, NONE, isSyncReason, type TraceSymbols } from '../../../model/trace';
import {
  LANE_ABSENT,
  LANE_BLOCKED_NET,
  LANE_BLOCKED_OTHER,
  LANE_BLOCKED_SYNC,
  LANE_RUNNABLE,
  LANE_RUNNING,
  LANE_SYSCALL,
  type StepSeries,
  type TimelineModel,
} from '../../../model/timeline';
import { GrowableFloat64, GrowableInt32, GrowableUint8, grown } from '../../../model/growable';
import { type EventConsumer, type EventRows, F, K_GO, K_PROC, N, fromState, toState } from '../events';
import { GoroutineSlots } from './goroutine-slots';
import { IdIndex, IdValues } from './idmap';

/** A step series whose points at one instant collapse into the last value. */
class Steps {
  private readonly time = new GrowableFloat64(1024);
  private readonly value = new GrowableFloat64(1024);
  current = 0;

  add(t: number, delta: number): void {
    this.current += delta;
    const n = this.time.length;
    if (n > 0 && this.time.data[n - 1] === t) this.value.data[n - 1] = this.current;
    else {
      this.time.push(t);
      this.value.push(this.current);
    }
  }

  series(): StepSeries {
    return { count: this.time.length, time: this.time.finish(), value: this.value.finish() };
  }
}

export class TimelineBuilder implements EventConsumer {
  private readonly slots = new GoroutineSlots();
  // Goroutine runs in event order.
  private readonly gSlot = new GrowableInt32(4096);
  private readonly gTime = new GrowableFloat64(4096);
  private readonly gState = new GrowableUint8(4096);
  private readonly gReason = new GrowableInt32(4096);
  private readonly gStack = new GrowableInt32(4096);
  private readonly gBy = new GrowableInt32(4096);
  // P runs in event order; lanes numbered in order of first appearance.
  private readonly procLane = new IdIndex();
  private readonly procIds = new GrowableFloat64(16);
  private readonly pLane = new GrowableInt32(4096);
  private readonly pTime = new GrowableFloat64(4096);
  private readonly pSlot = new GrowableInt32(4096);
  /** Per P lane: its last run (index into the p* columns), -1 before the first. */
  private lastRun = new Int32Array(16).fill(-1);
  /** Per goroutine slot: the P lane it runs on, -1 when not running. */
  private runningOn = new Int32Array(1024).fill(-1);
  private readonly live = new Steps();
  private readonly runnable = new Steps();
  /** Lane code of a block reason (string id). */
  private readonly blockCode: IdValues;
  private lastTs = 0;
  private transitions = 0;

  /** Reads `syms` and never interns into it. */
  constructor(syms: TraceSymbols) {
    this.blockCode = new IdValues((reason) => {
      const r = syms.strings[reason];
      if (r === 'network') return LANE_BLOCKED_NET;
      return isSyncReason(r) ? LANE_BLOCKED_SYNC : LANE_BLOCKED_OTHER;
    });
  }

  consume(ev: EventRows, count: number): void {
    const { kind, time, f, n } = ev;
    for (let i = 0; i < count; i++) {
      const k = kind[i];
      if (k === K_GO) this.goTransition(time[i], f, n, i * F, i * N);
      else if (k === K_PROC) this.procLaneOf(f[i * F]);
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
    if (slot >= this.runningOn.length) this.runningOn = grown(this.runningOn, slot + 1, -1);
    const reason = n[nb + 1];
    const ctxG = f[fb + 1];
    this.gSlot.push(slot);
    this.gTime.push(t);
    this.gState.push(this.laneState(to, reason));
    this.gReason.push(reason);
    this.gStack.push(n[nb + 3]);
    this.gBy.push(ctxG === NONE || ctxG === goid ? -1 : this.slots.current(ctxG));

    if (from === GO_UNDETERMINED || from === GO_NOT_EXIST) this.live.add(t, 1);
    if (to === GO_NOT_EXIST) this.live.add(t, -1);
    if (to === GO_RUNNABLE) this.runnable.add(t, 1);
    if (from === GO_RUNNABLE) this.runnable.add(t, -1);

    if (from === GO_RUNNING) {
      const p = this.runningOn[slot];
      if (p >= 0 && this.pSlot.data[this.lastRun[p]] === slot) this.procRun(p, t, -1);
      this.runningOn[slot] = -1;
    }
    const ctxP = f[fb + 2];
    if (to === GO_RUNNING && ctxP !== NONE) {
      const p = this.procLaneOf(ctxP);
      this.procRun(p, t, slot);
      this.runningOn[slot] = p;
    }
  }

  private laneState(to: number, reason: number): number {
    switch (to) {
      case GO_RUNNING:
        return LANE_RUNNING;
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
      if (p >= this.lastRun.length) this.lastRun = grown(this.lastRun, p + 1, -1);
    }
    return p;
  }

  /** P lane `p` runs `slot` (-1: nothing) from `t`; a run that would last no time is replaced. */
  private procRun(p: number, t: number, slot: number): void {
    const last = this.lastRun[p];
    if (last >= 0 && this.pTime.data[last] === t) {
      this.pSlot.data[last] = slot;
      return;
    }
    if (last >= 0 && this.pSlot.data[last] === slot) return;
    this.lastRun[p] = this.pLane.push(p);
    this.pTime.push(t);
    this.pSlot.push(slot);
  }

  build(): TimelineModel {
    const lanes = this.slots.count;
    const gOrder = groupByLane(this.gSlot.view(), lanes);
    const procCount = this.procIds.length;
    const pOrder = groupByLane(this.pLane.view(), procCount);
    return {
      endNs: this.lastTs,
      goroutines: {
        count: lanes,
        offset: gOrder.offset,
        time: gather(this.gTime.view(), gOrder.order, new Float64Array(gOrder.order.length)),
        state: gather(this.gState.view(), gOrder.order, new Uint8Array(gOrder.order.length)),
        reason: gather(this.gReason.view(), gOrder.order, new Int32Array(gOrder.order.length)),
        stack: gather(this.gStack.view(), gOrder.order, new Int32Array(gOrder.order.length)),
        by: gather(this.gBy.view(), gOrder.order, new Int32Array(gOrder.order.length)),
      },
      procs: {
        count: procCount,
        proc: this.procIds.finish(),
        offset: pOrder.offset,
        time: gather(this.pTime.view(), pOrder.order, new Float64Array(pOrder.order.length)),
        slot: gather(this.pSlot.view(), pOrder.order, new Int32Array(pOrder.order.length)),
      },
      liveGoroutines: this.live.series(),
      runnableGoroutines: this.runnable.series(),
      transitions: this.transitions,
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
