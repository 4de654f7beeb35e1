/**
 * The inverted (bottom-up) tree: the functions samples end in at the root, each level one
 * caller further out. A node's total is the value of the samples whose stacks end with its
 * path (read leaf first). Self is time spent in a function itself, so only the top level
 * has it: there it equals the total (the function's flat), below it is zero.
 */
import type { CallTree } from './calltree';
import { TreeBuilder } from './tree-builder';

export function invertedTree(tree: CallTree): CallTree {
  const b = new TreeBuilder(tree);
  for (let n = 1; n < tree.count; n++) {
    const v = tree.self[n];
    if (v === 0) continue;
    let at = b.child(0, tree.key[n]);
    b.self[at] += v;
    b.total[at] += v;
    for (let a = tree.parent[n]; a > 0; a = tree.parent[a]) {
      at = b.child(at, tree.key[a]);
      b.total[at] += v;
    }
  }
  b.total[0] = tree.total[0];
  return b.build();
}
