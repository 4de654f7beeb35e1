/**
 * Builds a canonical stack trie from many root-first sequences without hashing:
 * sort the sequences, then each one shares its longest common prefix with the one
 * before it, so every prefix becomes exactly one node. Deep, mostly distinct stacks
 * (a busy CPU profile has millions of trie nodes) build in a few sequential passes.
 */
import { grown } from './growable';

export interface Sequences {
  count: number;
  /** Sequence i is data[start[i] .. start[i+1]). */
  start: Int32Array;
  data: Int32Array;
}

export interface BuiltTrie {
  parent: Int32Array;
  label: Int32Array;
  /** The node each sequence ends at (0, the root, for an empty sequence). */
  leaf: Int32Array;
}

export function sortedOrder(seq: Sequences): Uint32Array {
  const { start, data } = seq;
  const order = new Uint32Array(seq.count);
  for (let i = 0; i < seq.count; i++) order[i] = i;
  return order.sort((a, b) => {
    let pa = start[a];
    let pb = start[b];
    const ea = start[a + 1];
    const eb = start[b + 1];
    for (; pa < ea && pb < eb; pa++, pb++) {
      const d = data[pa] - data[pb];
      if (d !== 0) return d;
    }
    return ea - pa - (eb - pb);
  });
}

export function buildTrie(seq: Sequences): BuiltTrie {
  const { start, data } = seq;
  const order = sortedOrder(seq);
  // A trie never has more nodes than the sequences have elements (plus the root).
  const capacity = start[seq.count] - start[0] + 1;
  const parent = new Int32Array(capacity);
  const label = new Int32Array(capacity);
  parent[0] = -1;
  label[0] = -1;
  let nodes = 1;
  const leaf = new Int32Array(seq.count);
  // path[d] is the node at depth d+1 of the previous sequence.
  let path = new Int32Array(64);
  let prev = -1;
  for (let o = 0; o < order.length; o++) {
    const s = order[o];
    const from = start[s];
    const len = start[s + 1] - from;
    let shared = 0;
    if (prev >= 0) {
      const pFrom = start[prev];
      const pLen = start[prev + 1] - pFrom;
      const max = Math.min(len, pLen);
      while (shared < max && data[from + shared] === data[pFrom + shared]) shared++;
    }
    if (len > path.length) path = grown(path, len);
    for (let d = shared; d < len; d++) {
      parent[nodes] = d === 0 ? 0 : path[d - 1];
      label[nodes] = data[from + d];
      path[d] = nodes++;
    }
    leaf[s] = len === 0 ? 0 : path[len - 1];
    prev = s;
  }
  // Shared prefixes can leave most of the capacity unused: copy only then.
  const fit = (a: Int32Array) => (nodes < capacity / 2 ? a.slice(0, nodes) : a.subarray(0, nodes));
  return { parent: fit(parent), label: fit(label), leaf };
}

/** Children lists from a parent array in which parents come before their children. */
export function childrenOf(parent: Int32Array): { childStart: Int32Array; childList: Int32Array } {
  const count = parent.length;
  const childStart = new Int32Array(count + 1);
  for (let n = 1; n < count; n++) childStart[parent[n] + 1]++;
  for (let n = 0; n < count; n++) childStart[n + 1] += childStart[n];
  const fill = childStart.slice(0, count);
  const childList = new Int32Array(Math.max(0, count - 1));
  for (let n = 1; n < count; n++) childList[fill[parent[n]]++] = n;
  return { childStart, childList };
}
