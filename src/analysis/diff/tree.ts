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

/** Children of node n in tree t, as [unified key, node] sorted by key. */
function sortedChildren(t: CallTree, n: number, keyMap: Int32Array): number[][] {
  const out: number[][] = [];
  for (let i = t.childStart[n]; i < t.childStart[n + 1]; i++) {
    const c = t.childList[i];
    out.push([keyMap[t.key[c]], c]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Breadth-first merge of the two tries; node pairs with equal name paths become one node. */
function mergeTries(a: CallTree, b: CallTree, aKey: Int32Array, bKey: Int32Array) {
  const parent: number[] = [-1];
  const key: number[] = [-1];
  const aNode: number[] = [0];
  const bNode: number[] = [0];
  for (let d = 0; d < parent.length; d++) {
    const ca = aNode[d] >= 0 ? sortedChildren(a, aNode[d], aKey) : [];
    const cb = bNode[d] >= 0 ? sortedChildren(b, bNode[d], bKey) : [];
    let i = 0;
    let j = 0;
    while (i < ca.length || j < cb.length) {
      const ka = i < ca.length ? ca[i][0] : Infinity;
      const kb = j < cb.length ? cb[j][0] : Infinity;
      const k = Math.min(ka, kb);
      parent.push(d);
      key.push(k);
      aNode.push(ka === k ? ca[i++][1] : -1);
      bNode.push(kb === k ? cb[j++][1] : -1);
    }
  }
  return { parent: Int32Array.from(parent), key: Int32Array.from(key), aNode, bNode };
}

function childrenOf(parent: Int32Array): { childStart: Int32Array; childList: Int32Array } {
  // Breadth-first numbering: each node's children are one contiguous, increasing run.
  const count = parent.length;
  const childStart = new Int32Array(count + 1);
  for (let n = 1; n < count; n++) childStart[parent[n] + 1]++;
  for (let n = 0; n < count; n++) childStart[n + 1] += childStart[n];
  const childList = new Int32Array(Math.max(0, count - 1));
  for (let n = 1; n < count; n++) childList[n - 1] = n;
  return { childStart, childList };
}

export function buildDiffTree(base: DiffSide, target: DiffSide, view: DiffView, options: DiffOptions): DiffTree {
  const scale = options.normalize
    ? normalizeRatio(base.profile, base.sampleType, target.profile, target.sampleType)
    : 1;
  const baseView = singleTypeView(base.profile, base.sampleType);
  const targetView = singleTypeView(target.profile, target.sampleType, scale);
  const spec = { ...view, sampleType: 0 };
  const baseTree = buildCallTree(baseView, spec);
  const targetTree = buildCallTree(targetView, spec);
  const { names, files, baseKey, targetKey } = unifyKeys(baseTree, targetTree);
  const m = mergeTries(baseTree, targetTree, baseKey, targetKey);
  const count = m.parent.length;
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
