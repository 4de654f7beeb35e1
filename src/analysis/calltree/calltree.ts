/**
 * The call tree of one view of a Profile: one sample type, one granularity, the
 * name filters applied. Built in one pass over the stack trie and one over the
 * samples; flame graphs, top tables and searches are all read from it.
 */
import { GrowableInt32 } from '../../model/growable';
import type { Profile } from '../../model/profile';
import { buildTrie, type Sequences } from '../../model/stack-trie';
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

/**
 * Each distinct stack that has samples, as the root-first sequence of frame keys this
 * view shows (hidden frames left out), or no sequence when the view drops its samples.
 * `used` (the stacks' leaf nodes) is compacted in place to the stacks kept.
 */
function viewSequences(p: Profile, keys: FrameKeys, spec: ViewSpec, used: Int32Array): Sequences {
  const flags = frameFilterFlags(p, spec);
  const { parent, frame } = p.stacks;
  const keyOf = keys.ofFrame;
  const needFocus = !!spec.focus;
  const start = new Int32Array(used.length + 1);
  const data = new GrowableInt32(used.length * 8);
  let count = 0;
  for (const leaf of used) {
    const from = data.length;
    let keep = true;
    let focused = !needFocus;
    for (let n = leaf; n > 0; n = parent[n]) {
      const f = frame[n];
      const fl = flags ? flags[f] : 0;
      if (fl & IGNORE) {
        keep = false;
        break;
      }
      if (fl & FOCUS) focused = true;
      if (!(fl & HIDE)) data.push(keyOf[f]);
    }
    if (!keep || !focused) {
      data.length = from;
      continue;
    }
    data.reverseRange(from, data.length);
    used[count] = leaf;
    start[count] = from;
    count++;
    start[count] = data.length;
  }
  return { count, start: start.subarray(0, count + 1), data: data.view() };
}

export function buildCallTree(p: Profile, spec: ViewSpec): CallTree {
  const keys = buildFrameKeys(p, spec.granularity);
  const values = p.samples.values[spec.sampleType] ?? new Float64Array(p.samples.count);
  // Samples that share a stack share a trie node: add them up once per node.
  const nodeValue = new Float64Array(p.stacks.count);
  const hasSample = new Uint8Array(p.stacks.count);
  let profileTotal = 0;
  for (let s = 0; s < p.samples.count; s++) {
    const node = p.samples.stack[s];
    nodeValue[node] += values[s];
    hasSample[node] = 1;
    profileTotal += values[s];
  }
  const used = new GrowableInt32(1024);
  for (let n = 0; n < hasSample.length; n++) if (hasSample[n]) used.push(n);
  const leaves = used.finish();
  const seq = viewSequences(p, keys, spec, leaves);
  const trie = buildTrie(seq);
  const count = trie.parent.length;
  const self = new Float64Array(count);
  for (let i = 0; i < seq.count; i++) self[trie.leaf[i]] += nodeValue[leaves[i]];
  const parent = trie.parent;
  const total = self.slice();
  // Children always have larger indexes than their parents, so one backward pass sums subtrees.
  for (let n = count - 1; n > 0; n--) total[parent[n]] += total[n];
  const { childStart, childList } = childrenOf(parent);
  return { count, parent, key: trie.label, self, total, childStart, childList, keys, profileTotal };
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
