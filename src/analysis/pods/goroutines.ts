/**
 * Goroutine stacks across pods: each normalized stack's count in every pod (its latest
 * snapshot) side by side, with what a person hunts for flagged: a stack present in one
 * pod only (the odd replica), and a stack that grew between the first and last snapshot
 * of every pod (all replicas leak the same way).
 */
import type { StackCount } from '../goroutines/stack-key';

export interface PodSnapshots {
  pod: string;
  /** Stack counts of the pod's snapshots, oldest first. */
  snapshots: StackCount[][];
}

export interface PodStackRow {
  /** Leaf-first frame names joined by "\n". */
  stack: string;
  /** Goroutines on the stack in each pod's latest snapshot, in the pods' order. */
  counts: number[];
  /** Latest minus first snapshot per pod; null for a pod with one snapshot. */
  growth: (number | null)[];
  /** The only pod that has it (of two or more), if so. */
  onlyIn: string | null;
  /** It grew in every pod (each with two or more snapshots). */
  growingEverywhere: boolean;
  /** Pods in which it grew. */
  growingIn: string[];
}

const countsOf = (s: StackCount[] | undefined) => new Map((s ?? []).map((x) => [x.key, x.count]));

export function podGoroutines(pods: PodSnapshots[]): PodStackRow[] {
  const latest = pods.map((p) => countsOf(p.snapshots.at(-1)));
  const first = pods.map((p) => (p.snapshots.length >= 2 ? countsOf(p.snapshots[0]) : null));
  const stacks = new Set(latest.flatMap((m) => [...m.keys()]));
  const rows: PodStackRow[] = [];
  for (const stack of stacks) {
    const counts = latest.map((m) => m.get(stack) ?? 0);
    const growth = first.map((m, i) => (m ? counts[i] - (m.get(stack) ?? 0) : null));
    const present = counts.flatMap((c, i) => (c > 0 ? [pods[i].pod] : []));
    const growingIn = growth.flatMap((g, i) => (g !== null && g > 0 ? [pods[i].pod] : []));
    rows.push({
      stack,
      counts,
      growth,
      onlyIn: pods.length >= 2 && present.length === 1 ? present[0] : null,
      growingEverywhere: pods.length >= 2 && growingIn.length === pods.length,
      growingIn,
    });
  }
  const rank = (r: PodStackRow) => (r.growingEverywhere ? 0 : r.onlyIn && r.growingIn.length ? 1 : r.onlyIn ? 2 : r.growingIn.length ? 3 : 4);
  const total = (r: PodStackRow) => r.counts.reduce((a, b) => a + b, 0);
  return rows.sort((a, b) => rank(a) - rank(b) || total(b) - total(a) || (a.stack < b.stack ? -1 : 1));
}
