/**
 * A diff: the base's and the target's call trees for one view (sample type, granularity,
 * filters) with their frame keys unified by name. Comparing the trees equals pprof's
 * merge of samples with the base negated, because flat and cum are sums over samples.
 * The top table reads the two trees; flame answers merge them lazily, only where they
 * are visible (flame.ts); merge.ts builds the whole merged tree when one is needed.
 */
import { buildCallTree, withValues, type CallTree } from '../calltree/calltree';
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
  /** Unified frame keys: names, a representative file each, and name → key. */
  names: string[];
  files: string[];
  keyIndex: Map<string, number>;
  /** The two call trees (the target's scaled under -normalize). */
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
  return { names, files, keyIndex: index, baseKey, targetKey };
}

/**
 * Call trees already built for this view (e.g. cached for the flame tab) can be passed
 * in; under -normalize the target's shape is reused with scaled values.
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
  const targetShape = prebuilt.target ?? buildCallTree(singleTypeView(target.profile, target.sampleType), spec);
  const targetTree = scale === 1 ? targetShape : withValues(targetShape, targetView.samples.values[0]);
  const { names, files, keyIndex, baseKey, targetKey } = unifyKeys(baseTree, targetTree);
  const totals: DiffTotals = {
    base: baseTree.profileTotal,
    target: targetTree.profileTotal,
    targetRaw: columnSum(target.profile.samples.values[target.sampleType]),
    percentOf: diffPercentTotal(options.meaning, baseView, targetView),
    scale,
  };
  return {
    names,
    files,
    keyIndex,
    baseTree,
    targetTree,
    baseKey,
    targetKey,
    options,
    totals,
  };
}
