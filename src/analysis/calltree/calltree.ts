/**
 * The call tree of one view of a Profile: one sample type, one granularity, the
 * name filters applied. Built in one pass over the stack trie and one over the
 * samples; flame graphs, top tables and searches are all read from it.
 */
import type { Profile } from '../../model/profile';
import { buildFrameKeys, type FrameKeys, type Granularity } from './frame-keys';
import { FOCUS, frameFilterFlags, HIDE, IGNORE, type NameFilters } from './filters';

export interface ViewSpec extends NameFilters {
  sampleType: number;
  granularity: Granularity;
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
}

interface Trie {
  parent: number[];
  key: number[];
  index: Map<number, number>;
}

function childOf(t: Trie, parent: number, key: number): number {
  const id = parent * 67108864 + key;
  let n = t.index.get(id);
  if (n === undefined) {
    n = t.parent.length;
    t.parent.push(parent);
    t.key.push(key);
    t.index.set(id, n);
  }
  return n;
}

/** For each profile stack node, its node in the view trie (-1 when its samples are dropped). */
function mapStacks(p: Profile, keys: FrameKeys, spec: ViewSpec, t: Trie): { view: Int32Array; focused: Uint8Array | null } {
  const flags = frameFilterFlags(p, spec);
  const n = p.stacks.count;
  const view = new Int32Array(n);
  const { parent, frame } = p.stacks;
  const keyOf = keys.ofFrame;
  if (!flags) {
    for (let node = 1; node < n; node++) view[node] = childOf(t, view[parent[node]], keyOf[frame[node]]);
    return { view, focused: null };
  }
  const focused = spec.focus ? new Uint8Array(n) : null;
  for (let node = 1; node < n; node++) {
    const par = parent[node];
    const vp = view[par];
    const f = frame[node];
    const fl = flags[f];
    if (vp < 0 || fl & IGNORE) {
      view[node] = -1;
      continue;
    }
    if (focused) focused[node] = focused[par] | (fl & FOCUS);
    view[node] = fl & HIDE ? vp : childOf(t, vp, keyOf[f]);
  }
  return { view, focused };
}

export function buildCallTree(p: Profile, spec: ViewSpec): CallTree {
  const keys = buildFrameKeys(p, spec.granularity);
  const t: Trie = { parent: [-1], key: [-1], index: new Map() };
  const { view, focused } = mapStacks(p, keys, spec, t);
  const count = t.parent.length;
  const self = new Float64Array(count);
  const values = p.samples.values[spec.sampleType] ?? new Float64Array(p.samples.count);
  const stack = p.samples.stack;
  let profileTotal = 0;
  for (let s = 0; s < p.samples.count; s++) {
    const v = values[s];
    profileTotal += v;
    const node = stack[s];
    const vn = view[node];
    if (vn < 0 || (focused && !focused[node])) continue;
    self[vn] += v;
  }
  const parent = Int32Array.from(t.parent);
  const total = self.slice();
  // Children always have larger indexes than their parents, so one backward pass sums subtrees.
  for (let n = count - 1; n > 0; n--) total[parent[n]] += total[n];
  const { childStart, childList } = childrenOf(parent);
  return { count, parent, key: Int32Array.from(t.key), self, total, childStart, childList, keys, profileTotal };
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
