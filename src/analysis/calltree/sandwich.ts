/**
 * The two trees of a sandwich view of one function, as call trees a flame answer can be
 * cut from: its callers (the function at the root, each level one caller further out)
 * and its callees (every call of it merged, the trees below added together). Each takes
 * the function's outermost calls only, so a recursive function counts once, and both
 * roots equal its cum.
 */
import { childrenOf } from '../../model/stack-trie';
import type { CallTree } from './calltree';

/** Node 0 is a synthetic root, node 1 the function; nodes are appended below their parents. */
class TreeBuilder {
  readonly parent: number[] = [-1, 0];
  readonly key: number[] = [-1];
  readonly self: number[] = [0, 0];
  readonly total: number[] = [0, 0];
  private readonly index = new Map<number, number>();

  constructor(
    private readonly from: CallTree,
    fn: number,
  ) {
    this.key.push(fn);
  }

  child(node: number, key: number): number {
    const id = node * this.from.keys.names.length + key;
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.parent.length;
      this.index.set(id, c);
      this.parent.push(node);
      this.key.push(key);
      this.self.push(0);
      this.total.push(0);
    }
    return c;
  }

  build(): CallTree {
    const parent = Int32Array.from(this.parent);
    return {
      count: parent.length,
      parent,
      key: Int32Array.from(this.key),
      self: Float64Array.from(this.self),
      total: Float64Array.from(this.total),
      ...childrenOf(parent),
      keys: this.from.keys,
      profileTotal: this.from.profileTotal,
      sampleNode: new Int32Array(0),
    };
  }
}

/** The nodes of fn with no fn above them. */
function outermost(tree: CallTree, fn: number): number[] {
  const inside = new Uint8Array(tree.count);
  const out: number[] = [];
  // Parents have smaller indexes than their children, so one forward pass sees each path.
  for (let n = 1; n < tree.count; n++) {
    if (inside[tree.parent[n]]) inside[n] = 1;
    else if (tree.key[n] === fn) {
      inside[n] = 1;
      out.push(n);
    }
  }
  return out;
}

/** fn's callers, upside down: a node's children are the functions that called it. */
export function callersTree(tree: CallTree, fn: number): CallTree {
  const b = new TreeBuilder(tree, fn);
  for (const n of outermost(tree, fn)) {
    const v = tree.total[n];
    let at = 1;
    b.total[at] += v;
    for (let a = tree.parent[n]; a > 0; a = tree.parent[a]) {
      at = b.child(at, tree.key[a]);
      b.total[at] += v;
    }
    // The stack's root frame: nothing called it.
    b.self[at] += v;
  }
  b.total[0] = b.total[1];
  return b.build();
}

/** fn's callees: the subtrees under each of its outermost calls, merged by name. */
export function calleesTree(tree: CallTree, fn: number): CallTree {
  const b = new TreeBuilder(tree, fn);
  const { childStart, childList } = tree;
  for (const n of outermost(tree, fn)) {
    const pairs = [n, 1];
    while (pairs.length > 0) {
      const to = pairs.pop()!;
      const from = pairs.pop()!;
      b.total[to] += tree.total[from];
      b.self[to] += tree.self[from];
      for (let i = childStart[from]; i < childStart[from + 1]; i++) {
        const c = childList[i];
        pairs.push(c, b.child(to, tree.key[c]));
      }
    }
  }
  b.total[0] = b.total[1];
  return b.build();
}
