/**
 * The call tree of one view of a Profile: one sample type, one granularity, the
 * name filters applied. Built in one pass over the stack trie and one over the
 * samples; flame graphs, top tables and searches are all read from it.
 */
import { GrowableInt32 } from '../../model/growable';
import type { LocationStacks, Profile } from '../../model/profile';
import { buildTrie, childrenOf, type Sequences } from '../../model/stack-trie';
import { buildFrameKeys, type FrameKeys, type Granularity } from './frame-keys';
import { labelMask } from '../labels/filters';
import { FOCUS, frameFilterFlags, HIDE, hidesFrames, IGNORE, type NameFilters } from './filters';
import type { ViewFilters } from './view-filters';
import { transformStacks, type StackTransform } from './stack-transforms';

export interface ViewSpec extends ViewFilters {
  sampleType: number;
  granularity: Granularity;
  /** Rewrites of each stack after pprof's filters, in order. */
  stack?: StackTransform[];
}

export interface CallTree {
  count: number;
  parent: Int32Array;
  /** Frame key of each node; -1 for the root. */
  key: Int32Array;
  self: Float64Array;
  total: Float64Array;
  /** Children of node n are childList[childStart[n] .. childStart[n+1]). */
  childStart: Int32Array;
  childList: Int32Array;
  keys: FrameKeys;
  /** Sum of all samples before filters: what pprof's "of N total" and every % refers to. */
  profileTotal: number;
  /** The node each sample lands in (-1 when the view drops it): lets withValues reuse the shape. */
  sampleNode: Int32Array;
}

/** What one view keeps of a stack: its frame keys root first, or nothing (dropped). */
class SequenceFilter {
  private readonly flags: Uint8Array | null;
  private readonly keyOf: Int32Array;
  private readonly needFocus: boolean;
  private readonly dropEmpty: boolean;
  readonly start: GrowableInt32;
  readonly data: GrowableInt32;
  private focused = false;
  private dropped = false;

  constructor(p: Profile, keys: FrameKeys, spec: NameFilters, expected: number) {
    this.flags = frameFilterFlags(p, spec);
    this.keyOf = keys.ofFrame;
    this.needFocus = !!spec.focus;
    this.dropEmpty = hidesFrames(spec);
    this.start = new GrowableInt32(expected + 1);
    this.data = new GrowableInt32(expected * 8);
    this.start.push(0);
  }

  begin(): void {
    this.focused = !this.needFocus;
    this.dropped = false;
  }

  /** The next frame of the current stack, in the order walked. */
  frame(f: number): void {
    const fl = this.flags ? this.flags[f] : 0;
    if (fl & IGNORE) this.dropped = true;
    if (fl & FOCUS) this.focused = true;
    if (!(fl & HIDE)) this.data.push(this.keyOf[f]);
  }

  /** Keeps or discards the stack just walked; `reverse` when frames came leaf first. */
  end(from: number, reverse: boolean): boolean {
    if (this.dropped || !this.focused || (this.dropEmpty && this.data.length === from)) {
      this.data.length = from;
      return false;
    }
    if (reverse) this.data.reverseRange(from, this.data.length);
    this.start.push(this.data.length);
    return true;
  }

  sequences(): Sequences {
    return { count: this.start.length - 1, start: this.start.view(), data: this.data.view() };
  }
}

/**
 * Per location: its frames as this view's keys (hidden frames left out), and whether
 * any of its frames is ignored or focused. Locations are few next to their uses.
 */
function locationKeys(loc: LocationStacks, keyOf: Int32Array, flags: Uint8Array | null) {
  const n = loc.frameStart.length - 1;
  const start = new Int32Array(n + 1);
  const keys = new Int32Array(loc.frames.length);
  const flag = new Uint8Array(n);
  let used = 0;
  for (let l = 0; l < n; l++) {
    start[l] = used;
    for (let k = loc.frameStart[l]; k < loc.frameStart[l + 1]; k++) {
      const f = loc.frames[k];
      const fl = flags ? flags[f] : 0;
      flag[l] |= fl & (IGNORE | FOCUS);
      if (!(fl & HIDE)) keys[used++] = keyOf[f];
    }
  }
  start[n] = used;
  return { start, keys, flag };
}

/**
 * A view's stacks: its frame keys, the kept stacks as sequences of keys (root first), and
 * which sequence each sample is (-1: dropped). Independent of the sample type, and all a
 * call tree is built from, so a tree grown on demand (grown.ts) and the whole tree built
 * later share one of these.
 */
export interface ViewStacks {
  keys: FrameKeys;
  seq: Sequences;
  sampleSeq: Int32Array;
}

/** The view's stacks from pprof's per-sample location lists, with one tight loop per sample. */
function locationStacks(p: Profile, loc: LocationStacks, keys: FrameKeys, spec: ViewFilters): Omit<ViewStacks, 'keys'> {
  const keep = labelMask(p, spec);
  const lk = locationKeys(loc, keys.ofFrame, frameFilterFlags(p, spec));
  const { start, data, count } = loc.stacks;
  let size = 0;
  for (let i = 0; i < data.length; i++) size += lk.start[data[i] + 1] - lk.start[data[i]];
  const outData = new Int32Array(size);
  const outStart = new Int32Array(count + 1);
  const sampleSeq = new Int32Array(count).fill(-1);
  const needFocus = !!spec.focus;
  const dropEmpty = hidesFrames(spec);
  let used = 0;
  let kept = 0;
  for (let s = 0; s < count; s++) {
    if (keep && !keep[s]) continue;
    const from = used;
    let stays = true;
    let focused = !needFocus;
    for (let i = start[s]; i < start[s + 1] && stays; i++) {
      const l = data[i];
      const fl = lk.flag[l];
      if (fl & IGNORE) stays = false;
      if (fl & FOCUS) focused = true;
      for (let k = lk.start[l]; k < lk.start[l + 1]; k++) outData[used++] = lk.keys[k];
    }
    if (!stays || !focused || (dropEmpty && used === from)) {
      used = from;
      continue;
    }
    sampleSeq[s] = kept;
    outStart[++kept] = used;
  }
  return { seq: { count: kept, start: outStart.subarray(0, kept + 1), data: outData.subarray(0, used) }, sampleSeq };
}

/**
 * The view's stacks with their values: from the per-sample location lists when the
 * parser kept them, else once per distinct trie node (samples sharing a stack
 * share a node, so a million goroutines on ten stacks is ten sequences).
 */
function viewSequences(p: Profile, keys: FrameKeys, spec: ViewFilters): Omit<ViewStacks, 'keys'> {
  if (p.sampleLocations) return locationStacks(p, p.sampleLocations, keys, spec);
  const keep = labelMask(p, spec);
  // One sequence per distinct stack node that has (kept) samples.
  const seqOfNode = new Int32Array(p.stacks.count).fill(-2);
  for (let s = 0; s < p.samples.count; s++) if (!keep || keep[s]) seqOfNode[p.samples.stack[s]] = -1;
  const { parent, frame } = p.stacks;
  const filter = new SequenceFilter(p, keys, spec, 1024);
  let kept = 0;
  for (let leaf = 0; leaf < seqOfNode.length; leaf++) {
    if (seqOfNode[leaf] === -2) continue;
    const from = filter.data.length;
    filter.begin();
    for (let n = leaf; n > 0; n = parent[n]) filter.frame(frame[n]);
    seqOfNode[leaf] = filter.end(from, true) ? kept++ : -1;
  }
  const sampleSeq = new Int32Array(p.samples.count);
  for (let s = 0; s < p.samples.count; s++) sampleSeq[s] = keep && !keep[s] ? -1 : seqOfNode[p.samples.stack[s]];
  return { seq: filter.sequences(), sampleSeq };
}

export function buildViewStacks(p: Profile, spec: Omit<ViewSpec, 'sampleType'>): ViewStacks {
  const keys = buildFrameKeys(p, spec.granularity);
  const { seq, sampleSeq } = viewSequences(p, keys, spec);
  return spec.stack?.length ? transformStacks(keys, seq, sampleSeq, spec.stack, spec.granularity) : { keys, seq, sampleSeq };
}

/** A sample type's values, or zeros for a type the profile lacks. */
export function sampleValues(p: Profile, sampleType: number): Float64Array {
  return p.samples.values[sampleType] ?? new Float64Array(p.samples.count);
}

export function buildCallTree(p: Profile, spec: ViewSpec): CallTree {
  return callTreeFromStacks(buildViewStacks(p, spec), sampleValues(p, spec.sampleType));
}

/** The call tree of a view's stacks with one value per sample. */
export function callTreeFromStacks({ keys, seq, sampleSeq }: ViewStacks, values: Float64Array): CallTree {
  const trie = buildTrie(seq);
  const sampleNode = new Int32Array(sampleSeq.length);
  for (let s = 0; s < sampleSeq.length; s++) sampleNode[s] = sampleSeq[s] < 0 ? -1 : trie.leaf[sampleSeq[s]];
  const { childStart, childList } = childrenOf(trie.parent);
  const shape = { count: trie.parent.length, parent: trie.parent, key: trie.label, childStart, childList, keys, sampleNode };
  return withValues(shape, values);
}

/**
 * The same tree with other sample values (e.g. another sample type, or pprof's
 * -normalize scaling): only self and total are recomputed, in two linear passes.
 */
export function withValues(tree: Omit<CallTree, 'self' | 'total' | 'profileTotal'>, values: Float64Array): CallTree {
  const { count, parent, sampleNode } = tree;
  const self = new Float64Array(count);
  let profileTotal = 0;
  for (let s = 0; s < sampleNode.length; s++) {
    profileTotal += values[s];
    if (sampleNode[s] >= 0) self[sampleNode[s]] += values[s];
  }
  const total = self.slice();
  // Children always have larger indexes than their parents, so one backward pass sums subtrees.
  for (let n = count - 1; n > 0; n--) total[parent[n]] += total[n];
  return { ...tree, self, total, profileTotal };
}

/**
 * Visits nodes depth-first, telling the visitor whether the node's key already
 * occurs among its ancestors (recursion), which cum values must count once.
 */
export function walkWithRecursion(tree: CallTree, visit: (node: number, recursive: boolean) => void): void {
  const onPath = new Int32Array(tree.keys.names.length);
  const { childStart, childList, key } = tree;
  // Explicit stack: a node id for "enter", its bitwise complement for "leave".
  const stack: number[] = [];
  for (let i = childStart[0]; i < childStart[1]; i++) stack.push(childList[i]);
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top < 0) {
      onPath[key[~top]]--;
      continue;
    }
    const k = key[top];
    visit(top, onPath[k] > 0);
    onPath[k]++;
    stack.push(~top);
    for (let i = childStart[top]; i < childStart[top + 1]; i++) stack.push(childList[i]);
  }
}
