/**
 * The diff call tree: the base's and the target's call trees (same view: sample type,
 * granularity, filters) merged by frame name, with both values kept on every node.
 * Merging the trees equals pprof's merge of samples with the base negated, because
 * flat and cum are sums over samples.
 */
import { buildCallTree, type CallTree } from '../calltree/calltree';
import type { Granularity } from '../calltree/frame-keys';
import type { NameFilters } from '../calltree/filters';
import type { Profile } from '../../model/profile';
import type { DiffOptions } from './meaning';
import { columnSum, normalizeRatio, singleTypeView } from './normalize';
import { diffPercentTotal } from './totals';

export interface DiffView extends NameFilters {
  granularity: Granularity;
}

export interface DiffSide {
  profile: Profile;
  /** Index of the compared sample type in this profile. */
  sampleType: number;
}

export interface DiffTree {
  count: number;
  parent: Int32Array;
  /** Index into names/files; -1 for the root. */
  key: Int32Array;
  names: string[];
  files: string[];
  /** Cumulative and self values of each node in the base and the (normalized) target. */
  before: Float64Array;
  beforeSelf: Float64Array;
  after: Float64Array;
  afterSelf: Float64Array;
  childStart: Int32Array;
  childList: Int32Array;
  /** The two call trees, for top tables (their keys map through baseKey/targetKey). */
  baseTree: CallTree;
  targetTree: CallTree;
  /** Call-tree key → index into names, per side. */
  baseKey: Int32Array;
  targetKey: Int32Array;
  options: DiffOptions;
  totals: DiffTotals;
}

export interface DiffTotals {
  /** Sum of the base's samples (before filters). */
  base: number;
  /** Sum of the target's samples (before filters), after -normalize scaling. */
  target: number;
  /** The target's own sum, unscaled. */
  targetRaw: number;
  /** What every percentage is of: pprof's total for this meaning. */
  percentOf: number;
  /** base total / target total when normalizing, else 1. */
  scale: number;
}

/** Maps both trees' keys into one name table. */
function unifyKeys(a: CallTree, b: CallTree) {
  const index = new Map<string, number>();
  const names: string[] = [];
  const files: string[] = [];
  const map = (t: CallTree) => {
    const out = new Int32Array(t.keys.names.length);
    t.keys.names.forEach((name, k) => {
      let u = index.get(name);
      if (u === undefined) {
        u = names.length;
        names.push(name);
        files.push(t.keys.files[k]);
        index.set(name, u);
      }
      out[k] = u;
    });
    return out;
  };
  const baseKey = map(a);
  const targetKey = map(b);
  return { names, files, baseKey, targetKey };
}

/**
 * Children of node n in tree t, by unified key: writes them into keys/nodes from 0,
 * sorted by key, and returns how many. Reuses the caller's scratch arrays, since this
 * runs once per node of trees with millions of nodes.
 */
function sortedChildren(t: CallTree, n: number, keyMap: Int32Array, keys: Int32Array, nodes: Int32Array, packed: Float64Array): number {
  const from = t.childStart[n];
  const count = t.childStart[n + 1] - from;
  let sorted = true;
  for (let i = 0; i < count; i++) {
    const c = t.childList[from + i];
    keys[i] = keyMap[t.key[c]];
    nodes[i] = c;
    if (i > 0 && keys[i] < keys[i - 1]) sorted = false;
  }
  if (sorted) return count;
  // Key and node packed in one double (both < 2^26): a numeric typed-array sort, no comparator.
  const p = packed.subarray(0, count);
  for (let i = 0; i < count; i++) p[i] = keys[i] * 67108864 + nodes[i];
  p.sort();
  for (let i = 0; i < count; i++) {
    keys[i] = Math.floor(p[i] / 67108864);
    nodes[i] = p[i] - keys[i] * 67108864;
  }
  return count;
}

function maxChildren(t: CallTree): number {
  let m = 0;
  for (let n = 0; n < t.count; n++) m = Math.max(m, t.childStart[n + 1] - t.childStart[n]);
  return m;
}

/**
 * Depth-first merge of the two tries: node pairs with equal name paths become one node.
 * Depth-first (preorder) follows how both tries are laid out in memory, which matters
 * at millions of nodes; children still get larger indexes than their parents.
 */
function mergeTries(a: CallTree, b: CallTree, aKey: Int32Array, bKey: Int32Array) {
  const cap = a.count + b.count;
  const parent = new Int32Array(cap);
  const key = new Int32Array(cap);
  const aNode = new Int32Array(cap);
  const bNode = new Int32Array(cap);
  // Pending nodes: (parent, key, a node, b node), popped last-in first-out.
  const sParent = new Int32Array(cap + 1);
  const sKey = new Int32Array(cap + 1);
  const sA = new Int32Array(cap + 1);
  const sB = new Int32Array(cap + 1);
  let top = 0;
  sParent[0] = -1;
  sKey[0] = -1;
  top = 1;
  let count = 0;
  const width = Math.max(maxChildren(a), maxChildren(b), 1);
  const ka = new Int32Array(width);
  const na = new Int32Array(width);
  const kb = new Int32Array(width);
  const nb = new Int32Array(width);
  const packed = new Float64Array(width);
  while (top > 0) {
    top--;
    const d = count++;
    const an = sA[top];
    const bn = sB[top];
    parent[d] = sParent[top];
    key[d] = sKey[top];
    aNode[d] = an;
    bNode[d] = bn;
    const ca = an >= 0 ? sortedChildren(a, an, aKey, ka, na, packed) : 0;
    const cb = bn >= 0 ? sortedChildren(b, bn, bKey, kb, nb, packed) : 0;
    // Merge from the largest key down, so the smallest is popped (visited) first.
    let i = ca - 1;
    let j = cb - 1;
    while (i >= 0 || j >= 0) {
      const x = i >= 0 ? ka[i] : -1;
      const y = j >= 0 ? kb[j] : -1;
      const k = x > y ? x : y;
      sParent[top] = d;
      sKey[top] = k;
      sA[top] = x === k ? na[i--] : -1;
      sB[top] = y === k ? nb[j--] : -1;
      top++;
    }
  }
  return { count, parent: parent.slice(0, count), key: key.slice(0, count), aNode, bNode };
}

function childrenOf(parent: Int32Array): { childStart: Int32Array; childList: Int32Array } {
  const count = parent.length;
  const childStart = new Int32Array(count + 1);
  for (let n = 1; n < count; n++) childStart[parent[n] + 1]++;
  for (let n = 0; n < count; n++) childStart[n + 1] += childStart[n];
  const fill = childStart.slice(0, count);
  const childList = new Int32Array(Math.max(0, count - 1));
  for (let n = 1; n < count; n++) childList[fill[parent[n]]++] = n;
  return { childStart, childList };
}

/**
 * Call trees already built for this view (e.g. cached for the flame tab) can be passed
 * in; the target's is used only when it is not scaled by -normalize.
 */
export interface PrebuiltTrees {
  base?: CallTree;
  target?: CallTree;
}

export function buildDiffTree(
  base: DiffSide,
  target: DiffSide,
  view: DiffView,
  options: DiffOptions,
  prebuilt: PrebuiltTrees = {},
): DiffTree {
  const scale = options.normalize
    ? normalizeRatio(base.profile, base.sampleType, target.profile, target.sampleType)
    : 1;
  const baseView = singleTypeView(base.profile, base.sampleType);
  const targetView = singleTypeView(target.profile, target.sampleType, scale);
  const spec = { ...view, sampleType: 0 };
  const baseTree = prebuilt.base ?? buildCallTree(baseView, spec);
  const targetTree = (scale === 1 && prebuilt.target) || buildCallTree(targetView, spec);
  const { names, files, baseKey, targetKey } = unifyKeys(baseTree, targetTree);
  const m = mergeTries(baseTree, targetTree, baseKey, targetKey);
  const count = m.count;
  const before = new Float64Array(count);
  const beforeSelf = new Float64Array(count);
  const after = new Float64Array(count);
  const afterSelf = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const a = m.aNode[n];
    const b = m.bNode[n];
    if (a >= 0) {
      before[n] = baseTree.total[a];
      beforeSelf[n] = baseTree.self[a];
    }
    if (b >= 0) {
      after[n] = targetTree.total[b];
      afterSelf[n] = targetTree.self[b];
    }
  }
  const totals: DiffTotals = {
    base: baseTree.profileTotal,
    target: targetTree.profileTotal,
    targetRaw: columnSum(target.profile.samples.values[target.sampleType]),
    percentOf: diffPercentTotal(options.meaning, baseView, targetView),
    scale,
  };
  return {
    count,
    parent: m.parent,
    key: m.key,
    names,
    files,
    before,
    beforeSelf,
    after,
    afterSelf,
    ...childrenOf(m.parent),
    baseTree,
    targetTree,
    baseKey,
    targetKey,
    options,
    totals,
  };
}
