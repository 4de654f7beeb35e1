/**
 * Callers and callees of one function on a diff: each side's sandwich trees
 * (calltree/sandwich.ts), paired as a diff of their own, so the diff flame answer
 * (flame.ts) draws them as it draws the whole diff: width the target's value, colour the
 * change. The sandwich trees keep their side's frame keys, so the diff's unified keys
 * serve them as they are; a side without the function has an empty tree.
 */
import type { CallTree } from '../calltree/calltree';
import { calleesTree, callersTree } from '../calltree/sandwich';
import { walkOf } from '../calltree/walked';
import type { DiffTree } from './tree';

export interface DiffSandwich {
  /** The function at the root, each level one caller further out. */
  callers: DiffTree;
  /** The function at the root, its calls below, all its outermost calls merged. */
  callees: DiffTree;
}

/** Only a root, with nothing in it. */
function emptyTree(like: CallTree): CallTree {
  return {
    count: 1,
    parent: Int32Array.of(-1),
    key: Int32Array.of(-1),
    self: new Float64Array(1),
    total: new Float64Array(1),
    childStart: Int32Array.of(0, 0),
    childList: new Int32Array(0),
    keys: like.keys,
    profileTotal: like.profileTotal,
    sampleNode: new Int32Array(0),
  };
}

function sideOf(tree: CallTree, name: string, make: (t: CallTree, fn: number) => CallTree): CallTree {
  const fn = tree.keys.names.indexOf(name);
  return fn < 0 ? emptyTree(tree) : make(tree, fn);
}

function pairOf(diff: DiffTree, name: string, make: (t: CallTree, fn: number) => CallTree): DiffTree {
  const baseTree = sideOf(diff.baseTree, name, make);
  const targetTree = sideOf(diff.targetTree, name, make);
  const walks = { base: walkOf(baseTree), target: walkOf(targetTree) };
  const { names, files, keyIndex, baseKey, targetKey, options, totals } = diff;
  return { names, files, keyIndex, baseKey, targetKey, options, totals, baseTree, targetTree, walks: () => walks };
}

/** Null when neither side has the function in this view. */
export function diffSandwich(diff: DiffTree, name: string): DiffSandwich | null {
  if (!diff.keyIndex.has(name)) return null;
  return { callers: pairOf(diff, name, callersTree), callees: pairOf(diff, name, calleesTree) };
}
