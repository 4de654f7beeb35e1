/**
 * A call tree grown on demand: a node's children are found when first asked for, by
 * partitioning the node's stacks by their next key (one counting pass over them). A
 * walk from the root that stops at frames too narrow to draw touches a few thousand of
 * a large CPU profile's millions of nodes, so a profile never viewed answers its first
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
  private readonly seqStart: Int32Array;
  private readonly seqData: Int32Array;
  /** Value of each sequence: the sum of its samples. */
  private readonly seqValue: Float64Array;
  /** The sequences, ordered so that each node's lie together: order[lo[n] .. hi[n]). */
  private readonly order: Int32Array;
  private readonly scratch: Int32Array;
  /** Per key: how many sequences of the node being grown go on with it (zero between uses). */
  private readonly counts: Int32Array;
  // Per node, in plain arrays: a walk grows thousands of nodes, not millions.
  private readonly key: number[] = [-1];
  private readonly depth: number[] = [0];
  private readonly lo: number[] = [0];
  private readonly hi: number[];
  private readonly totals: number[];
  private readonly selfs: number[];
  /** First child and child count once grown; -1 before. */
  private readonly firstChild: number[] = [-1];
  private readonly childCount: number[] = [0];

  constructor({ keys, seq, sampleSeq }: ViewStacks, values: Float64Array) {
    this.keys = keys;
    this.seqStart = seq.start;
    this.seqData = seq.data;
    this.seqValue = new Float64Array(seq.count);
    for (let s = 0; s < sampleSeq.length; s++) if (sampleSeq[s] >= 0) this.seqValue[sampleSeq[s]] += values[s];
    this.order = new Int32Array(seq.count);
    for (let q = 0; q < seq.count; q++) this.order[q] = q;
    this.scratch = new Int32Array(seq.count);
    this.counts = new Int32Array(keys.names.length);
    this.hi = [seq.count];
    const [total, self] = this.sums(0, seq.count, 0);
    this.totals = [total];
    this.selfs = [self];
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

  /** Total of order[lo..hi), and the part of it whose sequences end at `depth` (self). */
  private sums(lo: number, hi: number, depth: number): [number, number] {
    const { order, seqStart, seqValue } = this;
    let total = 0;
    let self = 0;
    for (let i = lo; i < hi; i++) {
      const q = order[i];
      total += seqValue[q];
      if (seqStart[q + 1] - seqStart[q] === depth) self += seqValue[q];
    }
    return [total, self];
  }

  /** Sorts node n's sequences by their key at its depth (a counting sort) and adds a child per key. */
  private grow(n: number): void {
    const { order, scratch, counts, seqStart, seqData } = this;
    const d = this.depth[n];
    const lo = this.lo[n];
    const hi = this.hi[n];
    const used: number[] = [];
    let ended = 0;
    for (let i = lo; i < hi; i++) {
      const q = order[i];
      if (seqStart[q + 1] - seqStart[q] === d) ended++;
      else if (counts[seqData[seqStart[q] + d]]++ === 0) used.push(seqData[seqStart[q] + d]);
    }
    used.sort((a, b) => a - b);
    // counts[k] becomes where key k's sequences start; the ones ending here go first.
    let at = lo + ended;
    const from: number[] = [];
    for (const k of used) {
      from.push(at);
      const c = counts[k];
      counts[k] = at;
      at += c;
    }
    let endAt = lo;
    for (let i = lo; i < hi; i++) {
      const q = order[i];
      if (seqStart[q + 1] - seqStart[q] === d) scratch[endAt++] = q;
      else scratch[counts[seqData[seqStart[q] + d]]++] = q;
    }
    order.set(scratch.subarray(lo, hi), lo);
    this.firstChild[n] = this.key.length;
    this.childCount[n] = used.length;
    for (let c = 0; c < used.length; c++) {
      const cLo = from[c];
      const cHi = counts[used[c]];
      counts[used[c]] = 0;
      const [total, self] = this.sums(cLo, cHi, d + 1);
      this.key.push(used[c]);
      this.depth.push(d + 1);
      this.lo.push(cLo);
      this.hi.push(cHi);
      this.totals.push(total);
      this.selfs.push(self);
      this.firstChild.push(-1);
      this.childCount.push(0);
    }
  }
}
