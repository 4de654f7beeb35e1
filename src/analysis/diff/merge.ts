/**
 * The whole diff call tree: both sides' tries merged by name path, with before and
 * after values on every node. The views need only the visible part (flame.ts); this is
 * for consumers of the full tree (exports, tests of the lazy answers).
 */
import { childrenOf } from '../../model/stack-trie';
import { pairTries } from './children';
import type { DiffTree } from './tree';

export interface MergedDiffTree {
  count: number;
  parent: Int32Array;
  /** Index into DiffTree.names; -1 for the root. */
  key: Int32Array;
  before: Float64Array;
  beforeSelf: Float64Array;
  after: Float64Array;
  afterSelf: Float64Array;
  childStart: Int32Array;
  childList: Int32Array;
}

export function mergeDiffTree(diff: DiffTree): MergedDiffTree {
  const { baseTree: a, targetTree: b } = diff;
  const m = pairTries(a, b, diff.baseKey, diff.targetKey);
  const count = m.count;
  const before = new Float64Array(count);
  const beforeSelf = new Float64Array(count);
  const after = new Float64Array(count);
  const afterSelf = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const x = m.aNode[n];
    const y = m.bNode[n];
    if (x >= 0) {
      before[n] = a.total[x];
      beforeSelf[n] = a.self[x];
    }
    if (y >= 0) {
      after[n] = b.total[y];
      afterSelf[n] = b.self[y];
    }
  }
  return { count, parent: m.parent, key: m.key, before, beforeSelf, after, afterSelf, ...childrenOf(m.parent) };
}

/** The merged node reached by following names from the root; stops at the first name not found. */
export function resolveMergedPath(diff: DiffTree, t: MergedDiffTree, path: string[]): { node: number; path: string[] } {
  let node = 0;
  const found: string[] = [];
  for (const name of path) {
    let next = -1;
    for (let i = t.childStart[node]; i < t.childStart[node + 1]; i++) {
      if (diff.names[t.key[t.childList[i]]] === name) next = t.childList[i];
    }
    if (next < 0) break;
    node = next;
    found.push(name);
  }
  return { node, path: found };
}
