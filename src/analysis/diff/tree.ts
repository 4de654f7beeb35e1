/**
 * A diff: the base's and the target's call trees for one view (sample type, granularity,
 * filters) with their frame keys unified by name. Comparing the trees equals pprof's
 * merge of samples with the base negated, because flat and cum are sums over samples.
 * The top table reads the two whole trees; flame answers merge them lazily, only where
 * they are visible (flame.ts), and read a side whose whole tree is not built yet from a
 * tree grown on demand (calltree/grown.ts): a profile never viewed draws its first diff
 * flame graph without building its millions of nodes. merge.ts builds the whole merged
 * tree when one is needed.
 */
import { withValues, type CallTree } from '../calltree/calltree';
import type { Granularity } from '../calltree/frame-keys';
import type { ViewFilters } from '../calltree/view-filters';
import { LazyCallTree } from '../calltree/lazy';
import type { Profile } from '../../model/profile';
import { walkOf, type WalkedTree } from '../calltree/walked';
import type { DiffOptions } from './meaning';
import { columnSum, normalizeRatio, singleTypeView } from './normalize';
import { diffPercentTotal } from './totals';

export interface DiffView extends ViewFilters {
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
  /** The two whole call trees (the target's scaled under -normalize), built on first use. */
  readonly baseTree: CallTree;
  readonly targetTree: CallTree;
  /** Call-tree key → index into names, per side. */
  baseKey: Int32Array;
  targetKey: Int32Array;
  options: DiffOptions;
  totals: DiffTotals;
  /** The sides as a walk from the root reads them: whole trees once built, else grown ones. */
  walks(): { base: WalkedTree; target: WalkedTree };
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

/** Maps both sides' keys into one name table. */
function unifyKeys(a: LazyCallTree, b: LazyCallTree) {
  const index = new Map<string, number>();
  const names: string[] = [];
  const files: string[] = [];
  const map = (t: LazyCallTree) => {
    const keys = t.keys;
    const out = new Int32Array(keys.names.length);
    keys.names.forEach((name, k) => {
      let u = index.get(name);
      if (u === undefined) {
        u = names.length;
        names.push(name);
        files.push(keys.files[k]);
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
 * The sides' call trees for this view (sample type and all), when the caller keeps them
 * (the worker's cache, shared with the flame tab); else made here. Under -normalize the
 * target's shape is reused with scaled values.
 */
export interface SideTrees {
  base?: LazyCallTree;
  target?: LazyCallTree;
}

/** One side: its whole tree (with these values) once built, else a tree grown on demand. */
function side(lazy: LazyCallTree, values: Float64Array, scaled: boolean) {
  let whole: CallTree | null = null;
  let grown: WalkedTree | null = null;
  const tree = () => (whole ??= scaled ? withValues(lazy.tree, values) : lazy.tree);
  const walk = () => (lazy.built ? walkOf(tree()) : (grown ??= lazy.grown(values)));
  return { tree, walk };
}

export function buildDiffTree(
  base: DiffSide,
  target: DiffSide,
  view: DiffView,
  options: DiffOptions,
  trees: SideTrees = {},
): DiffTree {
  const scale = options.normalize
    ? normalizeRatio(base.profile, base.sampleType, target.profile, target.sampleType)
    : 1;
  const baseView = singleTypeView(base.profile, base.sampleType);
  const targetView = singleTypeView(target.profile, target.sampleType, scale);
  const baseLazy = trees.base ?? new LazyCallTree(base.profile, { ...view, sampleType: base.sampleType });
  const targetLazy = trees.target ?? new LazyCallTree(target.profile, { ...view, sampleType: target.sampleType });
  const baseSide = side(baseLazy, baseView.samples.values[0], false);
  const targetSide = side(targetLazy, targetView.samples.values[0], scale !== 1);
  const { names, files, keyIndex, baseKey, targetKey } = unifyKeys(baseLazy, targetLazy);
  // Sums of all samples, before filters: what the whole trees' profileTotal would be.
  const totals: DiffTotals = {
    base: columnSum(baseView.samples.values[0]),
    target: columnSum(targetView.samples.values[0]),
    targetRaw: columnSum(target.profile.samples.values[target.sampleType]),
    percentOf: diffPercentTotal(options.meaning, baseView, targetView),
    scale,
  };
  return {
    names,
    files,
    keyIndex,
    get baseTree() {
      return baseSide.tree();
    },
    get targetTree() {
      return targetSide.tree();
    },
    baseKey,
    targetKey,
    options,
    totals,
    walks: () => ({ base: baseSide.walk(), target: targetSide.walk() }),
  };
}
