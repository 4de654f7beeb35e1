/**
 * The v1 reader's ordered events between the merge and their conversion, as typed columns
 * in a ring: an event is pushed when the merge puts it in order and freed once it has
 * been converted, so the ring holds only the events that still wait for their turn (see
 * settle.ts for why some must wait). Logical indexes count every pushed event; columns are
 * addressed by `slot(i)`. The ring doubles when full, keeping every slot's logical index.
 */
import { EV_USER_LOG } from './spec';

/** Flags per event. */
export const MOVED = 1;
export const DONE = 2;
/** The event has an entry in `a3` (so a push into its slot must drop it). */
const HAS_A3 = 4;

export class Ordered {
  private mask: number;
  ts: Float64Array;
  typ: Uint8Array;
  p: Int32Array;
  g: Float64Array;
  a0: Float64Array;
  a1: Float64Array;
  a2: Float64Array;
  /** Stack ids (32-bit, as the parser keeps them) stored as int32: read them with `>>> 0`. */
  stk: Int32Array;
  /** Logical index of the same goroutine's next event, -1 while unknown. */
  next: Int32Array;
  flags: Uint8Array;
  /** The fourth argument, which only user logs have (their value string): by slot, sparse (flag HAS_A3). */
  a3 = new Map<number, number>();
  /** Events pushed so far (the next logical index), and the oldest one not yet freed. */
  head = 0;
  tail = 0;

  constructor(cap = 1 << 14) {
    this.mask = cap - 1;
    this.ts = new Float64Array(cap);
    this.typ = new Uint8Array(cap);
    this.p = new Int32Array(cap);
    this.g = new Float64Array(cap);
    this.a0 = new Float64Array(cap);
    this.a1 = new Float64Array(cap);
    this.a2 = new Float64Array(cap);
    this.stk = new Int32Array(cap);
    this.next = new Int32Array(cap);
    this.flags = new Uint8Array(cap);
  }

  slot(i: number): number {
    return i & this.mask;
  }

  /** Appends an event; returns its logical index. */
  push(ts: number, typ: number, p: number, g: number, a0: number, a1: number, a2: number, a3: number, stk: number): number {
    if (this.head - this.tail > this.mask) this.grow();
    const i = this.head++;
    const s = i & this.mask;
    this.ts[s] = ts;
    this.typ[s] = typ;
    this.p[s] = p;
    this.g[s] = g;
    this.a0[s] = a0;
    this.a1[s] = a1;
    this.a2[s] = a2;
    this.stk[s] = stk;
    this.next[s] = -1;
    if (this.flags[s] & HAS_A3) this.a3.delete(s);
    this.flags[s] = 0;
    if (typ === EV_USER_LOG && a3 !== 0) {
      this.a3.set(s, a3);
      this.flags[s] = HAS_A3;
    }
    return i;
  }

  /** Frees the oldest events that are done. */
  release(): void {
    while (this.tail < this.head && this.flags[this.tail & this.mask] & DONE) this.tail++;
  }

  private grow(): void {
    const old = this.mask;
    const cap = (old + 1) * 2;
    const mask = cap - 1;
    const move = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      for (let i = this.tail; i < this.head; i++) b[i & mask] = a[i & old];
      return b;
    };
    this.ts = move(this.ts, (n) => new Float64Array(n));
    this.typ = move(this.typ, (n) => new Uint8Array(n));
    this.p = move(this.p, (n) => new Int32Array(n));
    this.g = move(this.g, (n) => new Float64Array(n));
    this.a0 = move(this.a0, (n) => new Float64Array(n));
    this.a1 = move(this.a1, (n) => new Float64Array(n));
    this.a2 = move(this.a2, (n) => new Float64Array(n));
    this.stk = move(this.stk, (n) => new Int32Array(n));
    this.next = move(this.next, (n) => new Int32Array(n));
    this.flags = move(this.flags, (n) => new Uint8Array(n));
    const a3 = new Map<number, number>();
    for (let i = this.tail; i < this.head; i++) {
      const v = this.a3.get(i & old);
      if (v !== undefined) a3.set(i & mask, v);
    }
    this.a3 = a3;
    this.mask = mask;
  }
}

/** A binary min-heap of (key, tie, value) triples ordered by key, then tie. */
export class PairHeap {
  private key: number[] = [];
  private tie: number[] = [];
  private val: number[] = [];
  size = 0;

  push(key: number, tie: number, val: number): void {
    let j = this.size++;
    while (j > 0) {
      const i = (j - 1) >> 1;
      if (!this.less(key, tie, this.key[i], this.tie[i])) break;
      this.put(j, this.key[i], this.tie[i], this.val[i]);
      j = i;
    }
    this.put(j, key, tie, val);
  }

  topKey(): number {
    return this.key[0];
  }
  topTie(): number {
    return this.tie[0];
  }
  topVal(): number {
    return this.val[0];
  }

  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const key = this.key[n];
    const tie = this.tie[n];
    const val = this.val[n];
    let i = 0;
    for (;;) {
      let j = 2 * i + 1;
      if (j >= n) break;
      if (j + 1 < n && this.less(this.key[j + 1], this.tie[j + 1], this.key[j], this.tie[j])) j++;
      if (!this.less(this.key[j], this.tie[j], key, tie)) break;
      this.put(i, this.key[j], this.tie[j], this.val[j]);
      i = j;
    }
    this.put(i, key, tie, val);
  }

  private less(k1: number, t1: number, k2: number, t2: number): boolean {
    return k1 < k2 || (k1 === k2 && t1 < t2);
  }

  private put(i: number, key: number, tie: number, val: number): void {
    this.key[i] = key;
    this.tie[i] = tie;
    this.val[i] = val;
  }
}
