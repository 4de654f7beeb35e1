/**
 * A call tree grown on demand: a node's children are found when first asked for, by
 * partitioning the node's stacks by their next key (one counting sort of them). A walk
 * from the root that stops at frames too narrow to draw touches a few thousand of a
 * large CPU profile's millions of nodes, so a profile never viewed answers its first
 * flame walk without the whole tree (calltree.ts), which can be built later from the
 * same stacks.
 *
 * Node 0 is the root; node ids differ from the whole tree's. Values are the whole tree's
 * sums taken in another order, which is exact for integer sample values (pprof's are
 * int64, and -normalize rounds each sample).
 */
import type { ViewStacks } from './calltree';

export class GrownTree {
  readonly keys: ViewStacks['keys'];
  private readonly data: Int32Array;
  // Per stack, in an order that keeps each node's stacks together (at[lo[n] .. hi[n])):
  // where its keys start in `data`, how many it has, and its value (the sum of its samples).
  // Moved together, so growing a node reads them in sequence rather than all over `data`.
  private readonly start: Int32Array;
  private readonly length: Int32Array;
  private readonly value: Float64Array;
  /** Scratch per stack position: the key read in the first pass, and the moved columns. */
  private readonly keyAt: Int32Array;
  private readonly moved: { start: Int32Array; length: Int32Array; value: Float64Array };
  /** Per key, zero between uses: stacks going on with it, and their total and self. */
  private readonly counts: Int32Array;
  private readonly keyTotal: Float64Array;
  private readonly keySelf: Float64Array;
  // Per node, in plain arrays: a walk grows thousands of nodes, not millions.
  private readonly key: number[] = [-1];
  private readonly depth: number[] = [0];
  private readonly lo: number[] = [0];
  private readonly hi: number[];
  private readonly totals: number[] = [0];
  private readonly selfs: number[] = [0];
  /** First child and child count once grown; -1 before. */
  private readonly firstChild: number[] = [-1];
  private readonly childCount: number[] = [0];

  constructor({ keys, seq, sampleSeq }: ViewStacks, values: Float64Array) {
    const n = seq.count;
    this.keys = keys;
    this.data = seq.data;
    this.start = seq.start.slice(0, n);
    this.length = new Int32Array(n);
    for (let q = 0; q < n; q++) this.length[q] = seq.start[q + 1] - seq.start[q];
    this.value = new Float64Array(n);
    for (let s = 0; s < sampleSeq.length; s++) if (sampleSeq[s] >= 0) this.value[sampleSeq[s]] += values[s];
    this.keyAt = new Int32Array(n);
    this.moved = { start: new Int32Array(n), length: new Int32Array(n), value: new Float64Array(n) };
    const k = keys.names.length;
    this.counts = new Int32Array(k);
    this.keyTotal = new Float64Array(k);
    this.keySelf = new Float64Array(k);
    this.hi = [n];
    for (let q = 0; q < n; q++) {
      this.totals[0] += this.value[q];
      if (this.length[q] === 0) this.selfs[0] += this.value[q];
    }
  }

  /** Nodes grown so far. */
  get count(): number {
    return this.key.length;
  }

  total(n: number): number {
    return this.totals[n];
  }

  self(n: number): number {
    return this.selfs[n];
  }

  /** Writes node n's children and their keys from index 0 (in key order); returns how many. */
  children(n: number, nodes: Int32Array, keys: Int32Array): number {
    if (this.firstChild[n] < 0) this.grow(n);
    const first = this.firstChild[n];
    const count = this.childCount[n];
    for (let i = 0; i < count; i++) {
      nodes[i] = first + i;
      keys[i] = this.key[first + i];
    }
    return count;
  }

  /** Sorts node n's stacks by their key at its depth (a counting sort) and adds a child per key. */
  private grow(n: number): void {
    const { data, start, length, value, keyAt, counts, keyTotal, keySelf } = this;
    const d = this.depth[n];
    const lo = this.lo[n];
    const hi = this.hi[n];
    const used: number[] = [];
    let ended = 0;
    for (let i = lo; i < hi; i++) {
      const len = length[i];
      if (len === d) {
        keyAt[i] = -1;
        ended++;
        continue;
      }
      const k = data[start[i] + d];
      keyAt[i] = k;
      if (counts[k]++ === 0) used.push(k);
      keyTotal[k] += value[i];
      if (len === d + 1) keySelf[k] += value[i];
    }
    used.sort((a, b) => a - b);
    // counts[k] becomes where key k's stacks start; the ones ending here go first.
    let at = lo + ended;
    const from: number[] = [];
    for (const k of used) {
      from.push(at);
      const c = counts[k];
      counts[k] = at;
      at += c;
    }
    // One child taking every stack (a call chain) needs no moving.
    if (ended > 0 || used.length > 1) this.place(lo, hi);
    this.firstChild[n] = this.key.length;
    this.childCount[n] = used.length;
    for (let c = 0; c < used.length; c++) {
      const k = used[c];
      this.key.push(k);
      this.depth.push(d + 1);
      this.lo.push(from[c]);
      this.hi.push(c + 1 < used.length ? from[c + 1] : hi);
      this.totals.push(keyTotal[k]);
      this.selfs.push(keySelf[k]);
      this.firstChild.push(-1);
      this.childCount.push(0);
      counts[k] = 0;
      keyTotal[k] = 0;
      keySelf[k] = 0;
    }
  }

  /** Moves stacks lo..hi to where counts[keyAt] says (ended ones from lo), advancing counts. */
  private place(lo: number, hi: number): void {
    const { start, length, value, keyAt, counts, moved } = this;
    let endAt = lo;
    for (let i = lo; i < hi; i++) {
      const to = keyAt[i] < 0 ? endAt++ : counts[keyAt[i]]++;
      moved.start[to] = start[i];
      moved.length[to] = length[i];
      moved.value[to] = value[i];
    }
    start.set(moved.start.subarray(lo, hi), lo);
    length.set(moved.length.subarray(lo, hi), lo);
    value.set(moved.value.subarray(lo, hi), lo);
  }
}
