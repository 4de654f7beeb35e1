/**
 * A call tree as a walk from the root reads it: a whole call tree, or one grown on demand
 * (grown.ts), which learns a node's children only when asked. Flame answers and diff
 * flame answers read trees this way.
 */
import type { CallTree } from './calltree';

export interface WalkedTree {
  total(n: number): number;
  self(n: number): number;
  /** Writes node n's children and their own keys from index 0; returns how many. */
  children(n: number, nodes: Int32Array, keys: Int32Array): number;
}

/** A whole call tree read as a walked one. */
export function walkOf(t: Pick<CallTree, 'key' | 'childStart' | 'childList' | 'total' | 'self'>): WalkedTree {
  return {
    total: (n) => t.total[n],
    self: (n) => t.self[n],
    children(n, nodes, keys) {
      const from = t.childStart[n];
      const count = t.childStart[n + 1] - from;
      for (let i = 0; i < count; i++) {
        nodes[i] = t.childList[from + i];
        keys[i] = t.key[nodes[i]];
      }
      return count;
    },
  };
}
