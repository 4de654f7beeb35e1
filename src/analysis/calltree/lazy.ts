/**
 * One view's call tree, built whole only when something needs it whole (a top table, a
 * flame answer of the flame tab). Until then its view stacks serve trees grown on demand
 * (grown.ts), and the whole tree is later built from those same stacks, not from the
 * profile again.
 */
import type { Profile } from '../../model/profile';
import { buildViewStacks, callTreeFromStacks, sampleValues, type CallTree, type ViewSpec, type ViewStacks } from './calltree';
import type { FrameKeys } from './frame-keys';
import { GrownTree } from './grown';

export class LazyCallTree {
  private stacks: ViewStacks | null = null;
  private whole: CallTree | null = null;

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

  /** Makes the view stacks now (say while the worker is idle) rather than on first use. */
  prepare(): void {
    if (!this.whole) this.viewStacks();
  }

  get keys(): FrameKeys {
    return this.whole?.keys ?? this.viewStacks().keys;
  }

  get tree(): CallTree {
    if (!this.whole) {
      this.whole = callTreeFromStacks(this.viewStacks(), sampleValues(this.profile, this.spec.sampleType));
      // The tree holds all the stacks say; millions of keys need not stay twice.
      this.stacks = null;
    }
    return this.whole;
  }

  /** A tree grown on demand over this view's stacks, with these values per sample. */
  grown(values: Float64Array = sampleValues(this.profile, this.spec.sampleType)): GrownTree {
    return new GrownTree(this.viewStacks(), values);
  }

  private viewStacks(): ViewStacks {
    this.stacks ??= buildViewStacks(this.profile, this.spec);
    return this.stacks;
  }
}
