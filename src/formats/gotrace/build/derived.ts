/**
 * Records for the profiles `go tool trace -pprof=net|sync|syscall|sched` derives
 * (golang/go src/cmd/trace/pprof.go): per goroutine, the time from a transition into a
 * state until it leaves it, charged to the stack of the entering event, clipped to the
 * goroutine's [first run, end] interval (the CLI applies that clip to every goroutine).
 * Aggregated on the fly by (profile, stack, start function) so memory stays small.
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
import { F64, I32, U8 } from './columns';
import type { Summarizer, SummaryListener } from './summarizer';

const KINDS = 4;
const STATE = [GO_WAITING, GO_WAITING, GO_SYSCALL, GO_RUNNABLE]; // indexed by PPROF_*

export class DerivedAccumulator implements SummaryListener {
  private trackStart: Float64Array = new Float64Array(256 * KINDS).fill(NaN);
  private trackStack: Int32Array = new Int32Array(256 * KINDS);
  private reasonMask: Int8Array = new Int8Array(64).fill(-1);
  /** Per slot, records waiting for the goroutine's first run or its name: k, s, e, stack, clipped. */
  private readonly pending = new Map<number, number[]>();
  private readonly index = new Map<number, number>();
  private readonly kind = new U8();
  private readonly stack = new I32();
  private readonly group = new I32();
  private readonly contentions = new F64();
  private readonly delay = new F64();

  constructor(
    private readonly syms: TraceSymbols,
    private readonly sum: Summarizer,
  ) {}

  private mask(reason: number): number {
    if (reason >= this.reasonMask.length) {
      const m = new Int8Array(Math.max(reason + 1, this.reasonMask.length * 2)).fill(-1);
      m.set(this.reasonMask);
      this.reasonMask = m;
    }
    let v = this.reasonMask[reason];
    if (v < 0) {
      const s = this.syms.strings[reason];
      v = (1 << PPROF_SYSCALL) | (1 << PPROF_SCHED);
      if (s === 'network') v |= 1 << PPROF_NET;
      if (isSyncReason(s)) v |= 1 << PPROF_SYNC;
      this.reasonMask[reason] = v;
    }
    return v;
  }

  private ensure(slot: number): void {
    const need = (slot + 1) * KINDS;
    if (need <= this.trackStart.length) return;
    let n = this.trackStart.length;
    while (n < need) n *= 2;
    const s = new Float64Array(n).fill(NaN);
    s.set(this.trackStart);
    this.trackStart = s;
    const k = new Int32Array(n);
    k.set(this.trackStack);
    this.trackStack = k;
  }

  /** A goroutine transition (after the summarizer saw it). */
  transition(t: number, slot: number, to: number, reason: number, evStack: number): void {
    if (slot < 0) return;
    this.ensure(slot);
    const mask = this.mask(reason);
    const base = slot * KINDS;
    for (let k = 0; k < KINDS; k++) {
      const st = this.trackStart[base + k];
      if (Number.isNaN(st)) {
        if (to === STATE[k] && (mask & (1 << k)) !== 0) {
          this.trackStart[base + k] = t;
          this.trackStack[base + k] = evStack;
        }
        continue;
      }
      if (to === STATE[k]) continue;
      this.trackStart[base + k] = NaN;
      this.record(k, slot, st, t, this.trackStack[base + k]);
    }
  }

  private record(k: number, slot: number, s: number, e: number, stack: number): void {
    if (this.sum.isStarted(slot)) {
      const start = this.sum.start.data[slot];
      const clipped = e - (s > start ? s : start);
      if (clipped <= 0) return;
      if (this.sum.name.data[slot] !== 0) {
        this.add(k, stack, this.sum.name.data[slot], clipped);
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
    // Intervals that ended before the first run overlap [start, end] by nothing.
    const p = this.pending.get(slot);
    if (!p) return;
    const keep: number[] = [];
    for (let i = 0; i < p.length; i += 5) if (!Number.isNaN(p[i + 4])) keep.push(...p.slice(i, i + 5));
    if (keep.length === 0) this.pending.delete(slot);
    else this.pending.set(slot, keep);
  }

  onNamed(slot: number): void {
    const p = this.pending.get(slot);
    if (!p) return;
    const keep: number[] = [];
    const name = this.sum.name.data[slot];
    for (let i = 0; i < p.length; i += 5) {
      if (Number.isNaN(p[i + 4])) keep.push(...p.slice(i, i + 5));
      else this.add(p[i], p[i + 3], name, p[i + 4]);
    }
    if (keep.length === 0) this.pending.delete(slot);
    else this.pending.set(slot, keep);
  }

  private canon: Int8Array = new Int8Array(1024);

  /** `go tool trace` keys records by PCs: a stack of only zero PCs is the same as none. */
  private canonical(stack: number): number {
    if (stack >= this.canon.length) {
      const c = new Int8Array(Math.max(stack + 1, this.canon.length * 2));
      c.set(this.canon);
      this.canon = c;
    }
    const known = this.canon[stack];
    if (known !== 0) return known > 0 ? stack : 0;
    this.canon[stack] = this.computeCanonical(stack) === 0 ? -1 : 1;
    return this.canon[stack] > 0 ? stack : 0;
  }

  private computeCanonical(stack: number): number {
    const n = this.syms.stackLength(stack);
    for (let i = 0; i < n; i++) if (this.syms.pcOf(this.syms.stackFrame(stack, i)) !== 0) return stack;
    return 0;
  }

  private add(k: number, stack: number, group: number, ns: number): void {
    stack = this.canonical(stack);
    const key = (group * 67108864 + stack) * KINDS + k;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.kind.push(k);
      this.stack.push(stack);
      this.group.push(group);
      this.contentions.push(0);
      this.delay.push(0);
      this.index.set(key, i);
    }
    this.contentions.data[i] += 1;
    this.delay.data[i] += ns;
  }

  /** At the end: goroutines that never ran count whole intervals (their start is "0"). */
  finish(): DerivedRecords {
    for (const [slot, p] of this.pending) {
      const name = this.sum.name.data[slot];
      for (let i = 0; i < p.length; i += 5) {
        const clipped = Number.isNaN(p[i + 4]) ? p[i + 2] - p[i + 1] : p[i + 4];
        if (clipped > 0) this.add(p[i], p[i + 3], name, clipped);
      }
    }
    this.pending.clear();
    return {
      count: this.kind.length,
      kind: this.kind.finish(),
      stack: this.stack.finish(),
      group: this.group.finish(),
      contentions: this.contentions.finish(),
      delayNs: this.delay.finish(),
    };
  }
}
