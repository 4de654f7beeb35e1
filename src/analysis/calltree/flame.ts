/**
 * Flame graph answers: the subtree under a zoom path, with nodes too narrow to
 * see folded into their parent's `hidden` value. Only what can be drawn leaves the worker.
 */
import type { CallTree } from './calltree';

export interface FlameNode {
  name: string;
  value: number;
  self: number;
  hidden: number;
  children: FlameNode[];
}

/** The node reached by following names from the root; stops at the first name not found. */
export function resolvePath(tree: CallTree, path: string[]): { node: number; path: string[] } {
  let node = 0;
  const found: string[] = [];
  for (const name of path) {
    let next = -1;
    for (let i = tree.childStart[node]; i < tree.childStart[node + 1]; i++) {
      const c = tree.childList[i];
      if (tree.keys.names[tree.key[c]] === name) {
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

export function flameSubtree(
  tree: CallTree,
  root: number,
  minFraction: number,
  maxNodes = 50_000,
): { root: FlameNode; nodeCount: number } {
  const min = Math.abs(tree.total[root]) * Math.max(0, minFraction);
  let nodeCount = 0;
  const names = tree.keys.names;
  const make = (n: number): FlameNode => {
    nodeCount++;
    return { name: n === 0 ? 'root' : names[tree.key[n]], value: tree.total[n], self: tree.self[n], hidden: 0, children: [] };
  };
  const top = make(root);
  // Breadth-first, so that if maxNodes cuts, it cuts the deepest, narrowest detail.
  const queue: [number, FlameNode][] = [[root, top]];
  for (let q = 0; q < queue.length; q++) {
    const [n, out] = queue[q];
    const kids: number[] = [];
    for (let i = tree.childStart[n]; i < tree.childStart[n + 1]; i++) {
      const c = tree.childList[i];
      if (tree.total[c] === 0) continue;
      if (Math.abs(tree.total[c]) < min || nodeCount + kids.length >= maxNodes) out.hidden += tree.total[c];
      else kids.push(c);
    }
    kids.sort((a, b) => (names[tree.key[a]] < names[tree.key[b]] ? -1 : 1));
    for (const c of kids) {
      const child = make(c);
      out.children.push(child);
      queue.push([c, child]);
    }
  }
  return { root: top, nodeCount };
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
