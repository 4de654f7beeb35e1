/**
 * One view's call tree, built whole only when something needs it whole (a top table, a
 * tree table, a search). Until then trees grown on demand (grown.ts) answer walks from the
 * root (flame graphs, diffs): for a plain view straight from pprof's per-sample location
 * lists, else from the view's stacks, from which the whole tree is later built rather
 * than from the profile again.
 */
import type { Profile } from '../../model/profile';
import { labelMask } from '../labels/filters';
import { buildViewStacks, callTreeFromStacks, sampleValues, type CallTree, type ViewSpec, type ViewStacks } from './calltree';
import { frameFilterFlags } from './filters';
import { buildFrameKeys, type FrameKeys } from './frame-keys';
import { GrownTree, keyUnits, type UnitStacks } from './grown';
import { flameTreeOf, type FlameTree } from './flame';

export class LazyCallTree {
  private stacks: ViewStacks | null = null;
  private whole: CallTree | null = null;
  private frameKeys: FrameKeys | null = null;
  /** The grown tree of the view's own values, kept for walks until the whole tree exists. */
  private ownGrown: GrownTree | null = null;

  constructor(
    private readonly profile: Profile,
    private readonly spec: ViewSpec,
  ) {}

  get built(): boolean {
    return this.whole !== null;
  }

  /** Whether the stacks or the whole tree exist: a grown or whole tree starts from them. */
  get prepared(): boolean {
    return this.whole !== null || this.stacks !== null;
  }

  get keys(): FrameKeys {
    return this.whole?.keys ?? this.stacks?.keys ?? (this.frameKeys ??= buildFrameKeys(this.profile, this.spec.granularity));
  }

  get tree(): CallTree {
    if (!this.whole) {
      this.whole = callTreeFromStacks(this.viewStacks(), sampleValues(this.profile, this.spec.sampleType));
      // The tree holds all the stacks say; millions of keys need not stay twice.
      this.stacks = null;
      this.ownGrown = null;
    }
    return this.whole;
  }

  /** Sum of all samples before filters (the whole tree's profileTotal), without building it. */
  get profileTotal(): number {
    if (this.whole) return this.whole.profileTotal;
    const values = sampleValues(this.profile, this.spec.sampleType);
    let total = 0;
    for (let s = 0; s < values.length; s++) total += values[s];
    return total;
  }

  /** The view's tree with its own values as a walk reads it: the whole tree once built, else one grown on demand. */
  walk(): FlameTree {
    if (this.whole) return flameTreeOf(this.whole);
    return (this.ownGrown ??= this.grown());
  }

  /** A tree grown on demand over this view's stacks, with these values per sample. */
  grown(values: Float64Array = sampleValues(this.profile, this.spec.sampleType)): GrownTree {
    return new GrownTree(this.units(), values);
  }

  /**
   * The view's stacks for a grown tree. A plain view (no filter, no transform) of a profile
   * with location lists reads those as they are: each location a run of its frames' keys.
   */
  private units(): UnitStacks {
    const loc = this.profile.sampleLocations;
    const { spec, profile } = this;
    const plain = !this.stacks && loc && !spec.stack?.length && !labelMask(profile, spec) && !frameFilterFlags(profile, spec);
    if (!plain) return keyUnits(this.viewStacks());
    const { ofFrame } = this.keys;
    const unitKeys = new Int32Array(loc.frames.length);
    for (let i = 0; i < unitKeys.length; i++) unitKeys[i] = ofFrame[loc.frames[i]];
    return { keys: this.keys, stacks: loc.stacks, unitStart: loc.frameStart, unitKeys, sampleSeq: null };
  }

  private viewStacks(): ViewStacks {
    this.stacks ??= buildViewStacks(this.profile, this.spec);
    return this.stacks;
  }
}
