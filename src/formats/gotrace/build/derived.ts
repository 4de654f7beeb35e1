/**
 * Records for the profiles `go tool trace -pprof=net|sync|syscall|sched` derives
 * (golang/go src/cmd/trace/pprof.go): per goroutine, the time from a transition into a
 * state until it leaves it, charged to the stack of the entering event, clipped to the
 * goroutine's [first run, end] interval (the CLI applies that clip to every goroutine).
 * Aggregated on the fly by (profile, stack, start function) so memory stays small.
 *
 * The four profiles track four states; a goroutine is in one state at a time, so one
 * tracker per goroutine suffices (net and sync both track Waiting but for disjoint
 * reasons; the rare second tracker goes to a side map).
 */
import {
  GO_RUNNABLE,
  GO_SYSCALL,
  GO_WAITING,
  PPROF_NET,
  PPROF_SCHED,
  PPROF_SYNC,
  PPROF_SYSCALL,
  type DerivedRecords,
  type TraceSymbols,
  isSyncReason,
} from '../../../model/trace';
import { GrowableFloat64, GrowableInt32, GrowableUint8, grown } from '../../../model/growable';
import { IdFlags, IdValues } from './idmap';
import { hotRow } from './slot-columns';
import { F_START, F_TRACK_SINCE, I_NAME, I_TRACK, I_TRACK_STACK, type Summarizer, type SummaryListener } from './summarizer';

const KINDS = 4;
const STATE = [GO_WAITING, GO_WAITING, GO_SYSCALL, GO_RUNNABLE]; // indexed by PPROF_*

export class DerivedAccumulator implements SummaryListener {
  /** A slot's first tracker (kind, since, stack) lives in its hot row (I_TRACK, F_TRACK_SINCE, I_TRACK_STACK). Further concurrent trackers of a slot (rare): k, start, stack triples. */
  private readonly extra = new Map<number, number[]>();
  /** Which profiles a block reason (string id) feeds: a bit per PPROF_*. */
  private readonly reasonMask = new IdValues((reason) => {
    const s = this.syms.strings[reason];
    let v = (1 << PPROF_SYSCALL) | (1 << PPROF_SCHED);
    if (s === 'network') v |= 1 << PPROF_NET;
    if (isSyncReason(s)) v |= 1 << PPROF_SYNC;
    return v;
  });
  /** Per slot, records waiting for the goroutine's first run or its name: k, s, e, stack, clipped. */
  private readonly pending = new Map<number, number[]>();
  /** Record rows chained per (canonical stack, kind); `group` tells them apart. */
  private head: Int32Array = new Int32Array(1024).fill(-1);
  private readonly next = new GrowableInt32(256);
  private readonly kind = new GrowableUint8(256);
  private readonly stack = new GrowableInt32(256);
  private readonly group = new GrowableInt32(256);
  private readonly contentions = new GrowableFloat64(256);
  private readonly delay = new GrowableFloat64(256);
  /** Stacks with at least one nonzero PC. */
  private readonly hasPc = new IdFlags((stack) => {
    const n = this.syms.stackLength(stack);
    for (let i = 0; i < n; i++) if (this.syms.pcOf(this.syms.stackFrame(stack, i)) !== 0) return true;
    return false;
  });

  constructor(
    private readonly syms: TraceSymbols,
    private readonly sum: Summarizer,
    /** Only the time inside [from, to) counts (the profiles of a range of the trace). */
    private readonly from = -Infinity,
    private readonly to = Infinity,
  ) {}

  /** A goroutine transition (after the summarizer saw it). */
  transition(slot: number, to: number, reason: number, evStack: number): void {
    if (slot < 0) return;
    const sum = this.sum;
    const t = sum.now;
    const w = sum.hot.floats(slot);
    const wi = sum.hot.ints(slot);
    const wo = hotRow(slot);
    const io = wo * 2;
    const k1 = wi[io + I_TRACK];
    if (k1 >= 0 && to !== STATE[k1]) {
      wi[io + I_TRACK] = -1;
      this.record(k1, slot, w, wi, wo, w[wo + F_TRACK_SINCE], t, wi[io + I_TRACK_STACK]);
    }
    let busy = wi[io + I_TRACK] >= 0 ? 1 << wi[io + I_TRACK] : 0;
    if (this.extra.size > 0) busy |= this.endExtra(slot, w, wi, wo, t, to);
    let start = 0;
    switch (to) {
      case GO_WAITING:
        start = this.reasonMask.get(reason) & ((1 << PPROF_NET) | (1 << PPROF_SYNC));
        break;
      case GO_SYSCALL:
        start = 1 << PPROF_SYSCALL;
        break;
      case GO_RUNNABLE:
        start = 1 << PPROF_SCHED;
        break;
      default:
        return;
    }
    start &= ~busy;
    while (start !== 0) {
      const k = 31 - Math.clz32(start & -start); // lowest kind first
      start &= start - 1;
      if (wi[io + I_TRACK] < 0) {
        wi[io + I_TRACK] = k;
        w[wo + F_TRACK_SINCE] = t;
        wi[io + I_TRACK_STACK] = evStack;
      } else {
        let x = this.extra.get(slot);
        if (!x) this.extra.set(slot, (x = []));
        x.push(k, t, evStack);
      }
    }
  }

  /** Ends the side trackers of `slot` that leave their state; returns the kinds still on. */
  private endExtra(slot: number, w: Float64Array, wi: Int32Array, wo: number, t: number, to: number): number {
    const x = this.extra.get(slot);
    if (!x) return 0;
    let busy = 0;
    for (let i = 0; i < x.length; ) {
      const k = x[i];
      if (to === STATE[k]) {
        busy |= 1 << k;
        i += 3;
        continue;
      }
      this.record(k, slot, w, wi, wo, x[i + 1], t, x[i + 2]);
      x.splice(i, 3);
    }
    if (x.length === 0) this.extra.delete(slot);
    return busy;
  }

  /** Interval [s, e) of kind `k` for `slot` (hot row at `wo` of `w`/`wi`), entered with `stack`. */
  private record(k: number, slot: number, w: Float64Array, wi: Int32Array, wo: number, s: number, e: number, stack: number): void {
    if (s < this.from) s = this.from;
    if (e > this.to) e = this.to;
    if (!(e > s)) return;
    const start = w[wo + F_START];
    if (start === start) {
      const clipped = e - (s > start ? s : start);
      if (clipped <= 0) return;
      const name = wi[wo * 2 + I_NAME];
      if (name !== 0) {
        this.add(k, stack, name, clipped);
        return;
      }
      this.defer(slot, k, s, e, stack, clipped);
      return;
    }
    this.defer(slot, k, s, e, stack, NaN);
  }

  private defer(slot: number, k: number, s: number, e: number, stack: number, clipped: number): void {
    let p = this.pending.get(slot);
    if (!p) this.pending.set(slot, (p = []));
    p.push(k, s, e, stack, clipped);
  }

  onStart(slot: number): void {
    if (this.pending.size === 0) return;
    // Intervals that ended before the first run overlap [start, end] by nothing.
    const p = this.pending.get(slot);
    if (!p) return;
    const keep: number[] = [];
    for (let i = 0; i < p.length; i += 5) if (!Number.isNaN(p[i + 4])) keep.push(...p.slice(i, i + 5));
    if (keep.length === 0) this.pending.delete(slot);
    else this.pending.set(slot, keep);
  }

  onNamed(slot: number): void {
    if (this.pending.size === 0) return;
    const p = this.pending.get(slot);
    if (!p) return;
    const keep: number[] = [];
    const name = this.sum.nameOf(slot);
    for (let i = 0; i < p.length; i += 5) {
      if (Number.isNaN(p[i + 4])) keep.push(...p.slice(i, i + 5));
      else this.add(p[i], p[i + 3], name, p[i + 4]);
    }
    if (keep.length === 0) this.pending.delete(slot);
    else this.pending.set(slot, keep);
  }

  /** `go tool trace` keys records by PCs: a stack of only zero PCs is the same as none. */
  private canonical(stack: number): number {
    return this.hasPc.has(stack) ? stack : 0;
  }

  /** Adds one interval of `ns` to the record of (kind, stack, group). */
  private add(k: number, stack: number, group: number, ns: number): void {
    const h = this.canonical(stack) * KINDS + k;
    const groups = this.group.data;
    const next = this.next.data;
    let i = h < this.head.length ? this.head[h] : -1;
    while (i >= 0 && groups[i] !== group) i = next[i];
    if (i < 0) i = this.newRecord(h, k, group);
    this.contentions.data[i] += 1;
    this.delay.data[i] += ns;
  }

  /** A new record at the front of chain `h` (= canonical stack × KINDS + kind). */
  private newRecord(h: number, k: number, group: number): number {
    if (h >= this.head.length) this.head = grown(this.head, h + 1, -1);
    const i = this.kind.push(k);
    this.stack.push((h - k) / KINDS);
    this.group.push(group);
    this.contentions.push(0);
    this.delay.push(0);
    this.next.push(this.head[h]);
    this.head[h] = i;
    return i;
  }

  /** At the end: goroutines that never ran count whole intervals (their start is "0"). */
  finish(): DerivedRecords {
    for (const [slot, p] of this.pending) {
      const name = this.sum.nameOf(slot);
      for (let i = 0; i < p.length; i += 5) {
        const clipped = Number.isNaN(p[i + 4]) ? p[i + 2] - p[i + 1] : p[i + 4];
        if (clipped > 0) this.add(p[i], p[i + 3], name, clipped);
      }
    }
    this.pending.clear();
    return {
      count: this.kind.length,
      kind: this.kind.view(),
      stack: this.stack.view(),
      group: this.group.view(),
      contentions: this.contentions.view(),
      delayNs: this.delay.view(),
    };
  }
}
