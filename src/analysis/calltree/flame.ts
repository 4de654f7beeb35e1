/**
 * Flame graph answers: the subtree under a zoom path, with nodes too narrow to
 * see folded into their parent's `hidden` value. Only what can be drawn leaves the worker.
 */
import type { CallTree } from './calltree';
import type { FrameKeys } from './frame-keys';
import { walkOf, type WalkedTree } from './walked';

export interface FlameNode {
  name: string;
  /** Cumulative value of this node. */
  value: number;
  /** Value of samples ending exactly here. */
  self: number;
  /** Children narrower than minFraction are folded into `hidden`. */
  hidden: number;
  children: FlameNode[];
}

/** A tree as a flame answer reads it: whole, or grown on demand (grown.ts), with its keys' names. */
export type FlameTree = WalkedTree & { keys: Pick<FrameKeys, 'names'> };

/** A whole call tree as a flame answer reads it. */
export function flameTreeOf(tree: CallTree): FlameTree {
  return { ...walkOf(tree), keys: tree.keys };
}

/** Scratch for a node's children: no node has more children than the tree has keys. */
function scratch(tree: FlameTree): { nodes: Int32Array; keys: Int32Array } {
  const n = Math.max(1, tree.keys.names.length);
  return { nodes: new Int32Array(n), keys: new Int32Array(n) };
}

/** The node reached by following names from the root; stops at the first name not found. */
export function resolvePath(tree: CallTree, path: string[]): { node: number; path: string[] } {
  return resolveWalkPath(flameTreeOf(tree), path);
}

/** resolvePath in a walked tree; also gives the node's key (-1 for the root). */
export function resolveWalkPath(tree: FlameTree, path: string[]): { node: number; key: number; path: string[] } {
  const s = scratch(tree);
  const names = tree.keys.names;
  let node = 0;
  let key = -1;
  const found: string[] = [];
  for (const name of path) {
    const count = tree.children(node, s.nodes, s.keys);
    let i = 0;
    while (i < count && names[s.keys[i]] !== name) i++;
    if (i === count) break;
    node = s.nodes[i];
    key = s.keys[i];
    found.push(name);
  }
  return { node, key, path: found };
}

/**
 * How many frames one answer may hold. d3-flame-graph's SVG costs ~0.25 ms a frame to
 * draw (measured in Chromium), so the widest 600 are kept and zooming asks for the rest.
 */
export const FLAME_MAX_NODES = 600;

/** A max-heap of tree nodes (or any integer ids) by weight, in parallel arrays (no object per entry). */
export class NodeHeap {
  private readonly node: number[] = [];
  private readonly weight: number[] = [];

  get size(): number {
    return this.node.length;
  }

  push(n: number, w: number): void {
    const { node, weight } = this;
    let i = node.length;
    node.push(n);
    weight.push(w);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (weight[up] >= w) break;
      node[i] = node[up];
      weight[i] = weight[up];
      i = up;
    }
    node[i] = n;
    weight[i] = w;
  }

  pop(): number {
    const { node, weight } = this;
    const top = node[0];
    const n = node.pop()!;
    const w = weight.pop()!;
    if (node.length === 0) return top;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= node.length) break;
      if (c + 1 < node.length && weight[c + 1] > weight[c]) c++;
      if (weight[c] <= w) break;
      node[i] = node[c];
      weight[i] = weight[c];
      i = c;
    }
    node[i] = n;
    weight[i] = w;
    return top;
  }
}

/**
 * A frame's claim to a place among `maxNodes` shrinks by this per level below the root: a
 * runaway recursion's chain of equally wide frames (100k deep) would otherwise take every
 * place before a sibling a quarter as wide got one.
 */
const DEPTH_DECAY = 0.98;

/**
 * The subtree under `root` as nested frames: nodes narrower than `minFraction` of the
 * root, and beyond `maxNodes` the ones with the least claim (width, less the longer the
 * way down), are folded into their parent's `hidden` value. Widest first, so a cut never
 * hides a wide frame near the top.
 */
export function flameSubtree(tree: CallTree, root: number, minFraction: number, maxNodes = FLAME_MAX_NODES): { root: FlameNode; nodeCount: number } {
  return walkFlame(flameTreeOf(tree), { node: root, key: root === 0 ? -1 : tree.key[root] }, minFraction, maxNodes);
}

/** flameSubtree of a tree as a walk reads it: a tree grown on demand grows only what is drawn. */
export function walkFlame(
  tree: FlameTree,
  { node: root, key: rootKey }: { node: number; key: number },
  minFraction: number,
  maxNodes = FLAME_MAX_NODES,
): { root: FlameNode; nodeCount: number } {
  const min = Math.abs(tree.total(root)) * Math.max(0, minFraction);
  const names = tree.keys.names;
  const s = scratch(tree);
  const made = new Map<number, FlameNode>();
  /** Per node waiting in the heap: its parent and its key. */
  const pending = new Map<number, { parent: number; key: number }>();
  const make = (n: number, key: number): FlameNode => {
    const f = { name: key < 0 ? 'root' : names[key], value: tree.total(n), self: tree.self(n), hidden: 0, children: [] };
    made.set(n, f);
    return f;
  };
  const top = make(root, rootKey);
  const heap = new NodeHeap();
  /** Per node made: the decay its children's claims get (DEPTH_DECAY to the power of their depth). */
  const decay = new Map<number, number>([[root, DEPTH_DECAY]]);
  const expand = (n: number) => {
    const out = made.get(n)!;
    const d = decay.get(n)!;
    const count = tree.children(n, s.nodes, s.keys);
    for (let i = 0; i < count; i++) {
      const c = s.nodes[i];
      const t = tree.total(c);
      const w = Math.abs(t);
      if (t === 0) continue;
      if (w < min) out.hidden += t;
      else {
        pending.set(c, { parent: n, key: s.keys[i] });
        heap.push(c, w * d);
      }
    }
  };
  expand(root);
  while (heap.size > 0) {
    const c = heap.pop();
    const { parent: p, key } = pending.get(c)!;
    pending.delete(c);
    const parent = made.get(p)!;
    if (made.size >= maxNodes) {
      parent.hidden += tree.total(c);
      continue;
    }
    parent.children.push(make(c, key));
    decay.set(c, decay.get(p)! * DEPTH_DECAY);
    expand(c);
  }
  // The worker's order is the drawing order: children by name, as pprof's flame graph.
  for (const f of made.values()) if (f.children.length > 1) f.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { root: top, nodeCount: made.size };
}

/** Value of the samples that pass through at least one node whose name matches. */
export function searchMatched(tree: CallTree, re: RegExp): { matched: number; functions: number } {
  const names = tree.keys.names;
  const hit = new Uint8Array(names.length);
  let functions = 0;
  for (let k = 0; k < names.length; k++) {
    if (re.test(names[k])) {
      hit[k] = 1;
      functions++;
    }
  }
  // A node counts when it matches and no ancestor did (each sample once).
  const covered = new Uint8Array(tree.count);
  let matched = 0;
  for (let n = 1; n < tree.count; n++) {
    if (covered[tree.parent[n]]) covered[n] = 1;
    else if (hit[tree.key[n]]) {
      covered[n] = 1;
      matched += tree.total[n];
    }
  }
  return { matched, functions };
}
