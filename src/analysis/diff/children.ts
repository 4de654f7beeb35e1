/**
 * Children of a call-tree node ordered by unified key, written into scratch arrays the
 * caller reuses: this runs once per visited node of trees with millions of nodes.
 */
import type { WalkedTree } from '../calltree/walked';

/** A trie with children lists and a key per node: call trees, and stack tries once listed. */
export interface KeyedTrie {
  count: number;
  key: Int32Array;
  childStart: Int32Array;
  childList: Int32Array;
}

export interface ChildScratch {
  keys: Int32Array;
  nodes: Int32Array;
  packed: Float64Array;
}

export function maxChildren(t: KeyedTrie): number {
  let m = 0;
  for (let n = 0; n < t.count; n++) m = Math.max(m, t.childStart[n + 1] - t.childStart[n]);
  return m;
}

export function childScratch(width: number): ChildScratch {
  const w = Math.max(1, width);
  return { keys: new Int32Array(w), nodes: new Int32Array(w), packed: new Float64Array(w) };
}

const SHIFT = 67108864; // 2^26: node ids stay below it

/** Writes node n's children, sorted by keyMap[key], into s from index 0; returns how many. */
export function sortedChildren(t: KeyedTrie, n: number, keyMap: Int32Array, s: ChildScratch): number {
  const from = t.childStart[n];
  const count = t.childStart[n + 1] - from;
  for (let i = 0; i < count; i++) {
    const c = t.childList[from + i];
    s.keys[i] = keyMap[t.key[c]];
    s.nodes[i] = c;
  }
  return sortByKey(s, count);
}

/** Like sortedChildren, for a walked tree. */
export function sortedWalkChildren(t: WalkedTree, n: number, keyMap: Int32Array, s: ChildScratch): number {
  const count = t.children(n, s.nodes, s.keys);
  for (let i = 0; i < count; i++) s.keys[i] = keyMap[s.keys[i]];
  return sortByKey(s, count);
}

/** Sorts the first `count` (key, node) pairs of s by key; returns count. */
function sortByKey(s: ChildScratch, count: number): number {
  const { keys, nodes } = s;
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) if (keys[i] < keys[i - 1]) sorted = false;
  if (sorted) return count;
  // Key and node packed in one double: a numeric typed-array sort, no comparator.
  const p = s.packed.subarray(0, count);
  for (let i = 0; i < count; i++) p[i] = keys[i] * SHIFT + nodes[i];
  p.sort();
  for (let i = 0; i < count; i++) {
    keys[i] = Math.floor(p[i] / SHIFT);
    nodes[i] = p[i] - keys[i] * SHIFT;
  }
  return count;
}

export interface PairedTries {
  count: number;
  parent: Int32Array;
  /** Unified key of each merged node; -1 for the root. */
  key: Int32Array;
  /** The node of each side at each merged node, or -1. */
  aNode: Int32Array;
  bNode: Int32Array;
}

/**
 * Merges two tries whose nodes are equal when their key paths are (keys unified through
 * aKey/bKey). Depth-first (preorder), which follows how tries lie in memory — it matters
 * at millions of nodes; children still get larger indexes than their parents.
 */
export function pairTries(a: KeyedTrie, b: KeyedTrie, aKey: Int32Array, bKey: Int32Array): PairedTries {
  const cap = a.count + b.count;
  const parent = new Int32Array(cap);
  const key = new Int32Array(cap);
  const aNode = new Int32Array(cap);
  const bNode = new Int32Array(cap);
  // Pending nodes (parent, key, a node, b node), last in first out.
  const sParent = new Int32Array(cap + 1);
  const sKey = new Int32Array(cap + 1);
  const sA = new Int32Array(cap + 1);
  const sB = new Int32Array(cap + 1);
  sParent[0] = -1;
  sKey[0] = -1;
  let top = 1;
  let count = 0;
  const width = Math.max(maxChildren(a), maxChildren(b));
  const sa = childScratch(width);
  const sb = childScratch(width);
  while (top > 0) {
    top--;
    const d = count++;
    const an = sA[top];
    const bn = sB[top];
    parent[d] = sParent[top];
    key[d] = sKey[top];
    aNode[d] = an;
    bNode[d] = bn;
    const ca = an >= 0 ? sortedChildren(a, an, aKey, sa) : 0;
    const cb = bn >= 0 ? sortedChildren(b, bn, bKey, sb) : 0;
    // Pushed from the largest key down, so the smallest is visited first.
    let i = ca - 1;
    let j = cb - 1;
    while (i >= 0 || j >= 0) {
      const x = i >= 0 ? sa.keys[i] : -1;
      const y = j >= 0 ? sb.keys[j] : -1;
      const k = x > y ? x : y;
      sParent[top] = d;
      sKey[top] = k;
      sA[top] = x === k ? sa.nodes[i--] : -1;
      sB[top] = y === k ? sb.nodes[j--] : -1;
      top++;
    }
  }
  return { count, parent: parent.slice(0, count), key: key.slice(0, count), aNode, bNode };
}
