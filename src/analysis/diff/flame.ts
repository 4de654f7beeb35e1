/**
 * Diff flame answers, pruned like the ordinary ones. A frame is as wide as its target
 * value; a frame only in the base is as wide as its base value, and its ancestors widen
 * to hold it (else removed frames would have no room, or overflow their parent).
 */
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

const widthCache = new WeakMap<DiffTree, Float64Array>();

export function layoutWidths(tree: DiffTree): Float64Array {
  let w = widthCache.get(tree);
  if (w) return w;
  w = new Float64Array(tree.count);
  const kids = new Float64Array(tree.count);
  // Children have larger indexes than parents: one backward pass is bottom-up.
  for (let n = tree.count - 1; n >= 0; n--) {
    const own = tree.after[n] > 0 ? tree.after[n] : tree.before[n] > 0 ? tree.before[n] : 0;
    w[n] = Math.max(own, kids[n]);
    if (n > 0) kids[tree.parent[n]] += w[n];
  }
  widthCache.set(tree, w);
  return w;
}

export function statusOf(tree: DiffTree, n: number): DiffStatus {
  if (n === 0) return 'both';
  if (tree.before[n] === 0 && tree.after[n] !== 0) return 'new';
  if (tree.after[n] === 0 && tree.before[n] !== 0) return 'gone';
  return 'both';
}

/** The node reached by following names from the root; stops at the first name not found. */
export function resolveDiffPath(tree: DiffTree, path: string[]): { node: number; path: string[] } {
  let node = 0;
  const found: string[] = [];
  for (const name of path) {
    let next = -1;
    for (let i = tree.childStart[node]; i < tree.childStart[node + 1]; i++) {
      const c = tree.childList[i];
      if (tree.names[tree.key[c]] === name) {
        next = c;
        break;
      }
    }
    if (next < 0) break;
    node = next;
    found.push(name);
  }
  return { node, path: found };
}

export function diffFlameSubtree(
  tree: DiffTree,
  root: number,
  minFraction: number,
  maxNodes = 50_000,
): { root: DiffFlameNode; nodeCount: number } {
  const width = layoutWidths(tree);
  const min = width[root] * Math.max(0, minFraction);
  let nodeCount = 0;
  const make = (n: number): DiffFlameNode => {
    nodeCount++;
    return {
      name: n === 0 ? 'root' : tree.names[tree.key[n]],
      value: width[n],
      before: tree.before[n],
      after: tree.after[n],
      delta: tree.after[n] - tree.before[n],
      selfBefore: tree.beforeSelf[n],
      selfAfter: tree.afterSelf[n],
      hidden: 0,
      status: statusOf(tree, n),
      children: [],
    };
  };
  const top = make(root);
  // Breadth-first, so that if maxNodes cuts, it cuts the deepest, narrowest detail.
  const queue: [number, DiffFlameNode][] = [[root, top]];
  for (let q = 0; q < queue.length; q++) {
    const [n, out] = queue[q];
    const kids: number[] = [];
    for (let i = tree.childStart[n]; i < tree.childStart[n + 1]; i++) {
      const c = tree.childList[i];
      if (width[c] === 0) continue;
      if (width[c] < min || nodeCount + kids.length >= maxNodes) out.hidden += width[c];
      else kids.push(c);
    }
    kids.sort((a, b) => (tree.names[tree.key[a]] < tree.names[tree.key[b]] ? -1 : 1));
    for (const c of kids) {
      const child = make(c);
      out.children.push(child);
      queue.push([c, child]);
    }
  }
  return { root: top, nodeCount };
}
