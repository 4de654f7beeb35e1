/**
 * Diff flame answers, merged lazily: both call trees are walked together from the zoom
 * path down, only through frames wide enough to draw, so the answer costs what is
 * visible, not the millions of nodes a large profile has. As in the flame tab's answers
 * (calltree/flame.ts), the widest frames come first, so a cut at maxNodes never hides a
 * frame wider than one it keeps.
 *
 * Widths: a frame is as wide as its target value; a frame only in the base is as wide as
 * its base value, and its ancestors widen to hold it (else removed frames would have no
 * room, or overflow their parent). Frames too narrow to draw count by their larger side.
 */
import { FLAME_MAX_NODES, NodeHeap } from '../calltree/flame';
import type { WalkedTree } from '../calltree/walked';
import { childScratch, sortedWalkChildren, type ChildScratch } from './children';
import type { DiffStatus } from './top';
import type { DiffTree } from './tree';

export interface DiffFlameNode {
  name: string;
  /** Drawn width (see above). */
  value: number;
  before: number;
  after: number;
  /** after − before of this frame's cumulative value. */
  delta: number;
  selfBefore: number;
  selfAfter: number;
  /** Width of children too narrow to draw. */
  hidden: number;
  status: DiffStatus;
  children: DiffFlameNode[];
}

const scratchCache = new WeakMap<DiffTree, [ChildScratch, ChildScratch]>();

/** Children have distinct keys, so no node has more children than its side has keys. */
function scratchFor(diff: DiffTree): [ChildScratch, ChildScratch] {
  let s = scratchCache.get(diff);
  if (!s) {
    s = [childScratch(diff.baseKey.length), childScratch(diff.targetKey.length)];
    scratchCache.set(diff, s);
  }
  return s;
}

/** Child of node n (or -1) whose unified key is k; -1 when absent. */
function childByKey(t: WalkedTree, n: number, keyMap: Int32Array, k: number, s: ChildScratch): number {
  if (n < 0) return -1;
  const count = t.children(n, s.nodes, s.keys);
  for (let i = 0; i < count; i++) if (keyMap[s.keys[i]] === k) return s.nodes[i];
  return -1;
}

/** Follows names from the root on both sides; stops at the first name neither side has. */
export function resolveDiffPath(diff: DiffTree, path: string[]): { a: number; b: number; path: string[] } {
  const { base, target } = diff.walks();
  const [sa, sb] = scratchFor(diff);
  let a = 0;
  let b = 0;
  const found: string[] = [];
  for (const name of path) {
    const k = diff.keyIndex.get(name);
    if (k === undefined) break;
    const na = childByKey(base, a, diff.baseKey, k, sa);
    const nb = childByKey(target, b, diff.targetKey, k, sb);
    if (na < 0 && nb < 0) break;
    a = na;
    b = nb;
    found.push(name);
  }
  return { a, b, path: found };
}

export function diffFlame(
  diff: DiffTree,
  zoomPath: string[],
  minFraction: number,
  maxNodes = FLAME_MAX_NODES,
): { root: DiffFlameNode; path: string[]; nodeCount: number } {
  const { base: A, target: B } = diff.walks();
  const [sa, sb] = scratchFor(diff);
  const { a: ra, b: rb, path } = resolveDiffPath(diff, zoomPath);
  const make = (a: number, b: number, name: string): DiffFlameNode => {
    const before = a >= 0 ? A.total(a) : 0;
    const after = b >= 0 ? B.total(b) : 0;
    const status: DiffStatus = before === 0 && after !== 0 ? 'new' : after === 0 && before !== 0 ? 'gone' : 'both';
    return {
      name,
      value: 0,
      before,
      after,
      delta: after - before,
      selfBefore: a >= 0 ? A.self(a) : 0,
      selfAfter: b >= 0 ? B.self(b) : 0,
      hidden: 0,
      status: name === 'root' ? 'both' : status,
      children: [],
    };
  };
  const root = make(ra, rb, path.length ? path[path.length - 1] : 'root');
  const min = Math.max(Math.abs(root.before), Math.abs(root.after)) * Math.max(0, minFraction);
  // Frames made so far, parents before children, with their node on each side.
  const made = [root];
  const madeA = [ra];
  const madeB = [rb];
  // Children waiting to be made, by size: their nodes, key and parent (an index into made).
  const heap = new NodeHeap();
  const waitA: number[] = [];
  const waitB: number[] = [];
  const waitKey: number[] = [];
  const waitParent: number[] = [];
  const waitSize: number[] = [];
  const expand = (m: number) => {
    const a = madeA[m];
    const b = madeB[m];
    const ca = a >= 0 ? sortedWalkChildren(A, a, diff.baseKey, sa) : 0;
    const cb = b >= 0 ? sortedWalkChildren(B, b, diff.targetKey, sb) : 0;
    for (let i = 0, j = 0; i < ca || j < cb; ) {
      const x = i < ca ? sa.keys[i] : 0x7fffffff;
      const y = j < cb ? sb.keys[j] : 0x7fffffff;
      const k = x < y ? x : y;
      const na = x === k ? sa.nodes[i++] : -1;
      const nb = y === k ? sb.nodes[j++] : -1;
      const size = Math.max(na >= 0 ? Math.abs(A.total(na)) : 0, nb >= 0 ? Math.abs(B.total(nb)) : 0);
      if (size === 0) continue;
      if (size < min) {
        made[m].hidden += size;
        continue;
      }
      heap.push(waitA.length, size);
      waitA.push(na);
      waitB.push(nb);
      waitKey.push(k);
      waitParent.push(m);
      waitSize.push(size);
    }
  };
  expand(0);
  while (heap.size > 0) {
    const w = heap.pop();
    const parent = made[waitParent[w]];
    if (made.length >= maxNodes) {
      parent.hidden += waitSize[w];
      continue;
    }
    const child = make(waitA[w], waitB[w], diff.names[waitKey[w]]);
    parent.children.push(child);
    made.push(child);
    madeA.push(waitA[w]);
    madeB.push(waitB[w]);
    expand(made.length - 1);
  }
  // Bottom-up widths: parents were made before their children.
  for (let m = made.length - 1; m >= 0; m--) {
    const n = made[m];
    let inside = n.hidden;
    for (const c of n.children) inside += c.value;
    const own = n.after > 0 ? n.after : n.before > 0 ? n.before : 0;
    n.value = Math.max(own, inside);
    // Drawing order, as pprof's flame graph: children by name.
    if (n.children.length > 1) n.children.sort((p, r) => (p.name < r.name ? -1 : p.name > r.name ? 1 : 0));
  }
  return { root, path, nodeCount: made.length };
}
