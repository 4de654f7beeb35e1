/**
 * A call tree grown on demand: a node's children are found when first asked for, by
 * partitioning the node's stacks by their next key (one counting sort of them). A walk
 * from the root that stops at frames too narrow to draw touches a few thousand of a
 * large CPU profile's millions of nodes, so a profile never viewed answers its first
 * flame walk without the whole tree (calltree.ts), which can be built later.
 *
 * Stacks are read as sequences of units, each a run of keys: a view's stacks (one key a
 * unit), or pprof's per-sample location lists (a location's frames a unit), which spares
 * the first flame answer of a plain view the expansion of every sample into keys. Each
 * stack keeps a cursor (its unit, and its key in that unit) that moves one key down each
 * time the node holding it is grown: a stack is in one node per depth, grown in order.
 *
 * Node 0 is the root; node ids differ from the whole tree's. Values are the whole tree's
 * sums taken in another order, which is exact for integer sample values (pprof's are
 * int64, and -normalize rounds each sample).
 */
import type { Sequences } from '../../model/stack-trie';
import type { ViewStacks } from './calltree';
import type { FrameKeys } from './frame-keys';
import type { WalkedTree } from './walked';

/** Stacks as runs of units: what a grown tree reads. */
export interface UnitStacks {
  keys: FrameKeys;
  /** Per stack, its units root first. */
  stacks: Sequences;
  /** Keys of unit u, root first: unitKeys[unitStart[u] .. unitStart[u+1]). */
  unitStart: Int32Array;
  unitKeys: Int32Array;
  /** The stack of each sample (-1: the view drops it); null when stack s is sample s. */
  sampleSeq: Int32Array | null;
}

/** A view's stacks as units of one key each. */
export function keyUnits({ keys, seq, sampleSeq }: ViewStacks): UnitStacks {
  const n = keys.names.length;
  const unitStart = new Int32Array(n + 1);
  const unitKeys = new Int32Array(n);
  for (let k = 0; k < n; k++) unitStart[k] = unitKeys[k] = k;
  unitStart[n] = n;
  return { keys, stacks: seq, unitStart, unitKeys, sampleSeq };
}

export class GrownTree implements WalkedTree {
  readonly keys: FrameKeys;
  private readonly units: Int32Array;
  private readonly unitStart: Int32Array;
  private readonly unitKeys: Int32Array;
  // Per stack, in an order that keeps each node's stacks together (at[lo[n] .. hi[n])):
  // its cursor (the unit it is in, the key it is at), where its units end, and its value
  // (the sum of its samples). Moved together, so growing a node reads them in sequence.
  private readonly at: Int32Array;
  private readonly sub: Int32Array;
  private readonly end: Int32Array;
  private readonly value: Float64Array;
  /** Scratch per stack position: the key read in the first pass, and the moved columns. */
  private readonly keyAt: Int32Array;
  private readonly moved: { at: Int32Array; sub: Int32Array; end: Int32Array; value: Float64Array };
  /** Per key, zero between uses: stacks going on with it, and their total and self. */
  private readonly counts: Int32Array;
  private readonly keyTotal: Float64Array;
  private readonly keySelf: Float64Array;
  // Per node, in plain arrays: a walk grows thousands of nodes, not millions.
  private readonly key: number[] = [-1];
  private readonly lo: number[] = [0];
  private readonly hi: number[];
  private readonly totals: number[] = [0];
  private readonly selfs: number[] = [0];
  /** First child and child count once grown; -1 before. */
  private readonly firstChild: number[] = [-1];
  private readonly childCount: number[] = [0];

  constructor({ keys, stacks, unitStart, unitKeys, sampleSeq }: UnitStacks, values: Float64Array) {
    const n = stacks.count;
    this.keys = keys;
    this.units = stacks.data;
    this.unitStart = unitStart;
    this.unitKeys = unitKeys;
    this.at = new Int32Array(n);
    this.sub = new Int32Array(n);
    this.end = stacks.start.slice(1, n + 1);
    this.value = new Float64Array(n);
    if (sampleSeq) {
      for (let s = 0; s < sampleSeq.length; s++) if (sampleSeq[s] >= 0) this.value[sampleSeq[s]] += values[s];
    } else this.value.set(values.subarray(0, n));
    let total = 0;
    let self = 0;
    for (let q = 0; q < n; q++) {
      this.at[q] = stacks.start[q];
      this.seek(q);
      total += this.value[q];
      if (this.at[q] === this.end[q]) self += this.value[q];
    }
    this.totals[0] = total;
    this.selfs[0] = self;
    this.keyAt = new Int32Array(n);
    this.moved = { at: new Int32Array(n), sub: new Int32Array(n), end: new Int32Array(n), value: new Float64Array(n) };
    const k = keys.names.length;
    this.counts = new Int32Array(k);
    this.keyTotal = new Float64Array(k);
    this.keySelf = new Float64Array(k);
    this.hi = [n];
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

  /** Points stack q's cursor at the first key of its unit at[q], skipping units without keys. */
  private seek(q: number): void {
    const { units, unitStart, at, end } = this;
    while (at[q] < end[q] && unitStart[units[at[q]]] === unitStart[units[at[q]] + 1]) at[q]++;
    if (at[q] < end[q]) this.sub[q] = unitStart[units[at[q]]];
  }

  /** Sorts node n's stacks by their next key (a counting sort), moving their cursors past it, and adds a child per key. */
  private grow(n: number): void {
    const { units, unitStart, unitKeys, at, sub, end, value, keyAt, counts, keyTotal, keySelf } = this;
    const lo = this.lo[n];
    const hi = this.hi[n];
    const used: number[] = [];
    let ended = 0;
    for (let i = lo; i < hi; i++) {
      if (at[i] === end[i]) {
        keyAt[i] = -1;
        ended++;
        continue;
      }
      const k = unitKeys[sub[i]];
      keyAt[i] = k;
      if (counts[k]++ === 0) used.push(k);
      keyTotal[k] += value[i];
      // Past the key: the next in this unit, else the next unit's first.
      if (++sub[i] === unitStart[units[at[i]] + 1]) {
        at[i]++;
        this.seek(i);
      }
      if (at[i] === end[i]) keySelf[k] += value[i];
    }
    used.sort((a, b) => a - b);
    // counts[k] becomes where key k's stacks start; the ones ending here go first.
    let next = lo + ended;
    const from: number[] = [];
    for (const k of used) {
      from.push(next);
      const c = counts[k];
      counts[k] = next;
      next += c;
    }
    // One child taking every stack (a call chain) needs no moving.
    if (ended > 0 || used.length > 1) this.place(lo, hi);
    this.firstChild[n] = this.key.length;
    this.childCount[n] = used.length;
    for (let c = 0; c < used.length; c++) {
      const k = used[c];
      this.key.push(k);
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
    const { at, sub, end, value, keyAt, counts, moved } = this;
    let endAt = lo;
    for (let i = lo; i < hi; i++) {
      const to = keyAt[i] < 0 ? endAt++ : counts[keyAt[i]]++;
      moved.at[to] = at[i];
      moved.sub[to] = sub[i];
      moved.end[to] = end[i];
      moved.value[to] = value[i];
    }
    at.set(moved.at.subarray(lo, hi), lo);
    sub.set(moved.sub.subarray(lo, hi), lo);
    end.set(moved.end.subarray(lo, hi), lo);
    value.set(moved.value.subarray(lo, hi), lo);
  }
}
