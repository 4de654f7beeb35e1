/**
 * Where each merged event settles in the final order (go1.21 parser.go, after the merge):
 * times must not go back; a syscall exit takes its real time, so it moves earlier (behind
 * its syscall block at most) and the order is a stable sort by time; syscall exits and
 * timer unblocks go to fake Ps. An event is handed on once no later one can sort before
 * it, so only the events behind the earliest open syscall wait (in the ring, ordered.ts).
 */
import { IdIndex } from '../build/idmap';
import { fail } from '../bytes';
import { DONE, MOVED, Ordered, PairHeap } from './ordered';
import * as V from './spec';

export class Settle {
  readonly out = new Ordered();
  /** Time of the last merged event (before syscall exits are moved). */
  private lastMergeTs = -Infinity;
  /** Per goroutine: time of its last syscall block; of its still open one; its last event. */
  private readonly lastSysBlock = new Map<number, number>();
  private readonly openBlock = new Map<number, number>();
  private readonly lastOf = new IdIndex();
  /** Open syscall blocks by time (stale entries are skipped lazily): (ts, 0, g). */
  private readonly blocks = new PairHeap();
  /** Moved syscall exits waiting for their turn: (ts, index, index). */
  private readonly moved = new PairHeap();
  /** The next unmoved event to hand on (logical index). */
  private u = 0;
  /** What next() may hand on: up to this time; everything when final. */
  private watermarkTs = 0;
  private final = false;
  /** For the syscall that next() returned: whether the goroutine's next event says it blocked. */
  blocked = false;

  constructor(
    private readonly timerGoids: Set<number>,
    /** Where errors are reported: the end of the file. */
    private readonly end: number,
  ) {}

  /**
   * Takes the next merged event and links the goroutine's previous event to it, for the
   * syscall look-ahead.
   */
  add(ts: number, typ: number, p: number, g: number, a0: number, a1: number, a2: number, a3: number, stk: number): void {
    const out = this.out;
    const i = out.push(ts, typ, p, g, a0, a1, a2, a3, stk);
    const s = out.slot(i);
    if (ts < this.lastMergeTs) fail('time stamps out of order', this.end);
    this.lastMergeTs = ts;
    if (typ === V.EV_GO_SYS_BLOCK || typ === V.EV_GO_IN_SYSCALL) {
      this.lastSysBlock.set(g, ts);
      this.openBlock.set(g, ts);
      this.blocks.push(ts, 0, g);
    } else if (typ === V.EV_GO_SYS_EXIT) {
      this.openBlock.delete(g);
      const real = a2;
      if (real !== 0) {
        const block = this.lastSysBlock.get(g) ?? 0;
        if (block === 0) fail('stray syscall exit', this.end);
        if (real < block) fail('time stamps out of order', this.end);
        if (real !== ts) {
          out.ts[s] = real;
          out.flags[s] |= MOVED;
          this.moved.push(real, i, i);
        }
      }
      out.p[s] = V.SYSCALL_P;
    } else if (typ === V.EV_GO_UNBLOCK && this.timerGoids.size > 0 && this.timerGoids.has(g)) {
      out.p[s] = V.TIMER_P;
    }
    const prev = this.lastOf.get(g);
    if (prev >= out.tail) out.next[out.slot(prev)] = i;
    this.lastOf.set(g, i);
  }

  /** Starts handing on what is certain now; `final`: the merge is over, everything left goes. */
  open(final: boolean): void {
    this.final = final;
    this.watermarkTs = final ? Infinity : this.watermark();
  }

  /** No event merged from now on sorts before this time: the merge's, or an open syscall's. */
  private watermark(): number {
    let w = this.lastMergeTs;
    const b = this.blocks;
    while (b.size > 0) {
      const t = b.topKey();
      if (this.openBlock.get(b.topVal()) === t) {
        if (t < w) w = t;
        break;
      }
      b.pop();
    }
    return w;
  }

  /**
   * The slot of the next event in the final order whose place is certain, or -1: the
   * earlier of the next unmoved event and the earliest moved exit, by (time, merge
   * position). Call done(slot) once it is handled.
   */
  next(): number {
    const out = this.out;
    const moved = this.moved;
    while (this.u < out.head && out.flags[out.slot(this.u)] & MOVED) this.u++;
    let i = this.u < out.head ? this.u : -1;
    if (moved.size > 0) {
      const mt = moved.topKey();
      const ut = i < 0 ? Infinity : out.ts[out.slot(i)];
      if (mt < ut || (mt === ut && moved.topVal() < i)) i = moved.topVal();
    }
    if (i < 0) return -1;
    const s = out.slot(i);
    if (out.ts[s] > this.watermarkTs) return -1;
    let blocked = false;
    if (out.typ[s] === V.EV_GO_SYS_CALL) {
      // tracev1.go looks at the goroutine's next event to see whether the syscall blocked.
      const next = out.next[s];
      if (next < 0 && !this.final) return -1;
      blocked = next >= 0 && out.typ[out.slot(next)] === V.EV_GO_SYS_BLOCK;
    }
    if (i === this.u) this.u++;
    else moved.pop();
    this.blocked = blocked;
    return s;
  }

  /** Frees slot `s` (from next) once its event is handled. */
  done(s: number): void {
    this.out.flags[s] |= DONE;
    this.out.release();
  }
}
