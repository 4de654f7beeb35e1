/**
 * The merge of the Ps' event streams, as go1.21 order.go orders them: a stream's head
 * event is ready once the goroutine it moves is in the state, and at the sequence number,
 * the event expects (its state transition); the earliest ready head goes next.
 */
import { grown } from '../../../model/growable';
import { IdIndex } from '../build/idmap';
import { fail } from '../bytes';
import type { ProcStream } from './batch';
import { PairHeap } from './ordered';
import type { RawReader } from './raw';
import * as V from './spec';

/** Sequence sentinels: "any" (noseq) before, "keep"/"one more" (noseq/seqinc) after. */
const NOSEQ = -1;
const SEQINC = -2;
/** Transition subjects besides goroutines: the GC, and none (the event is not ordered). */
const SUBJECT_GC = -2;
const UNORDERED = -3;

export class Merge {
  /** Streams whose head event is not in the frontier: the first availN entries (no resizing per event). */
  private readonly available: ProcStream[];
  private availN: number;
  /**
   * The frontier, as order.go's: (time, 0, stream index) of each stream whose head event is
   * ready; the head is the stream's event i - 1 (it cannot advance while in the frontier).
   */
  private readonly frontier = new PairHeap();
  private readonly gIndex = new IdIndex();
  private gStatus = new Uint8Array(1024);
  private gSeq = new Float64Array(1024);
  private gCount = 0;
  private gcSeq = 0;
  private gcStatus = V.G_DEAD;

  constructor(
    /** Every event stream (the Ps', then the CPU samples'), by index. */
    private readonly streams: ProcStream[],
    private readonly raw: RawReader,
    /** Where errors are reported: the end of the file (the whole trace is read by now). */
    private readonly end: number,
  ) {
    streams.forEach((p, ix) => (p.ix = ix));
    this.available = [...streams];
    this.availN = streams.length;
  }

  /** The stream whose head event (its event i - 1) goes next, its transition applied; null once all are done. */
  next(): ProcStream | null {
    const av = this.available;
    for (let i = 0; i < this.availN; i++) {
      const p = av[i];
      let gone = false;
      while (p.i >= p.n) {
        if (!p.load(this.raw)) {
          p.done = true;
          av[i--] = av[--this.availN];
          gone = true;
          break;
        }
      }
      if (gone) continue;
      const e = p.i;
      this.transitionOf(p.typ[e], p.g[e], p.a[e * 4], p.a[e * 4 + 1]);
      if (!this.ready()) continue;
      p.i++;
      av[i--] = av[--this.availN];
      this.frontier.push(p.ts[e], 0, p.ix);
    }
    if (this.frontier.size === 0) {
      for (const p of this.streams) if (!p.done) fail('no consistent ordering of events possible', this.end);
      return null;
    }
    const p = this.streams[this.frontier.topVal()];
    this.frontier.pop();
    const e = p.i - 1;
    this.transitionOf(p.typ[e], p.g[e], p.a[e * 4], p.a[e * 4 + 1]);
    this.applyTransition();
    av[this.availN++] = p;
    return p;
  }

  private gSlot(g: number): number {
    let s = this.gIndex.get(g);
    if (s >= 0) return s;
    s = this.gCount++;
    if (s === this.gStatus.length) {
      this.gStatus = grown(this.gStatus, s + 1);
      this.gSeq = grown(this.gSeq, s + 1);
    }
    this.gIndex.set(g, s);
    return s;
  }

  // stateTransition of order.go for one event: fills the fields below.
  private tG = 0; // goroutine, SUBJECT_GC or UNORDERED
  private tInitSeq = 0;
  private tInitStatus = 0;
  private tNextSeq = 0;
  private tNextStatus = 0;

  private transitionOf(typ: number, g: number, a0: number, a1: number): void {
    switch (typ) {
      case V.EV_GO_CREATE:
        this.set(a0, 0, V.G_DEAD, 1, V.G_RUNNABLE);
        return;
      case V.EV_GO_WAITING:
      case V.EV_GO_IN_SYSCALL:
        this.set(g, 1, V.G_RUNNABLE, 2, V.G_WAITING);
        return;
      case V.EV_GO_START:
      case V.EV_GO_START_LABEL:
        this.set(g, a1, V.G_RUNNABLE, a1 + 1, V.G_RUNNING);
        return;
      case V.EV_GO_START_LOCAL:
        this.set(g, NOSEQ, V.G_RUNNABLE, SEQINC, V.G_RUNNING);
        return;
      case V.EV_GO_BLOCK:
      case V.EV_GO_BLOCK_SEND:
      case V.EV_GO_BLOCK_RECV:
      case V.EV_GO_BLOCK_SELECT:
      case V.EV_GO_BLOCK_SYNC:
      case V.EV_GO_BLOCK_COND:
      case V.EV_GO_BLOCK_NET:
      case V.EV_GO_SLEEP:
      case V.EV_GO_SYS_BLOCK:
      case V.EV_GO_BLOCK_GC:
        this.set(g, NOSEQ, V.G_RUNNING, NOSEQ, V.G_WAITING);
        return;
      case V.EV_GO_SCHED:
      case V.EV_GO_PREEMPT:
        this.set(g, NOSEQ, V.G_RUNNING, NOSEQ, V.G_RUNNABLE);
        return;
      case V.EV_GO_UNBLOCK:
      case V.EV_GO_SYS_EXIT:
        this.set(a0, a1, V.G_WAITING, a1 + 1, V.G_RUNNABLE);
        return;
      case V.EV_GO_UNBLOCK_LOCAL:
      case V.EV_GO_SYS_EXIT_LOCAL:
        this.set(a0, NOSEQ, V.G_WAITING, SEQINC, V.G_RUNNABLE);
        return;
      case V.EV_GC_START:
        this.set(SUBJECT_GC, a0, V.G_DEAD, a0 + 1, V.G_DEAD);
        return;
      default:
        this.tG = UNORDERED;
    }
  }

  private set(g: number, initSeq: number, initStatus: number, nextSeq: number, nextStatus: number): void {
    this.tG = g;
    this.tInitSeq = initSeq;
    this.tInitStatus = initStatus;
    this.tNextSeq = nextSeq;
    this.tNextStatus = nextStatus;
  }

  /** Sequence number and status of goroutine `g` (or the GC), into curSeq / curStatus. */
  private curSeq = 0;
  private curStatus = V.G_DEAD;
  private loadCurrent(g: number): void {
    if (g === SUBJECT_GC) {
      this.curSeq = this.gcSeq;
      this.curStatus = this.gcStatus;
      return;
    }
    const s = this.gIndex.get(g);
    this.curSeq = s < 0 ? 0 : this.gSeq[s];
    this.curStatus = s < 0 ? V.G_DEAD : this.gStatus[s];
  }

  private ready(): boolean {
    if (this.tG === UNORDERED) return true;
    this.loadCurrent(this.tG);
    return (this.tInitSeq === NOSEQ || this.tInitSeq === this.curSeq) && this.tInitStatus === this.curStatus;
  }

  private applyTransition(): void {
    if (this.tG === UNORDERED) return;
    if (!this.ready()) fail('encountered impossible goroutine state transition', this.end);
    const seq = this.curSeq;
    let next = this.tNextSeq;
    if (next === NOSEQ) next = seq;
    else if (next === SEQINC) next = seq + 1;
    if (this.tG === SUBJECT_GC) {
      this.gcSeq = next;
      this.gcStatus = this.tNextStatus;
      return;
    }
    const s = this.gSlot(this.tG);
    this.gSeq[s] = next;
    this.gStatus[s] = this.tNextStatus;
  }
}
