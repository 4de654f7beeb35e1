/**
 * The two trees of a sandwich view of one function, as call trees a flame answer can be
 * cut from: its callers (the function at the root, each level one caller further out)
 * and its callees (every call of it merged, the trees below added together). Each takes
 * the function's outermost calls only, so a recursive function counts once, and both
 * roots equal its cum.
 */
import type { CallTree } from './calltree';
import { TreeBuilder } from './tree-builder';

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
  const b = new TreeBuilder(tree);
  const top = b.child(0, fn);
  for (const n of outermost(tree, fn)) {
    const v = tree.total[n];
    let at = top;
    b.total[at] += v;
    for (let a = tree.parent[n]; a > 0; a = tree.parent[a]) {
      at = b.child(at, tree.key[a]);
      b.total[at] += v;
    }
    // The stack's root frame: nothing called it.
    b.self[at] += v;
  }
  b.total[0] = b.total[top];
  return b.build();
}

/** fn's callees: the subtrees under each of its outermost calls, merged by name. */
export function calleesTree(tree: CallTree, fn: number): CallTree {
  const b = new TreeBuilder(tree);
  const top = b.child(0, fn);
  const { childStart, childList } = tree;
  for (const n of outermost(tree, fn)) {
    const pairs = [n, top];
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
  b.total[0] = b.total[top];
  return b.build();
}
