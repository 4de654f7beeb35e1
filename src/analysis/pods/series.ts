/**
 * Where pods have three or more snapshots of a kind, the series the growth ranking can run
 * on: each pod's own, and, when every pod has the same number, the merge of the pods at
 * each step (snapshot i of every pod merged).
 */
import type { PodGroup } from './group';
import type { ReplicaSet } from './replicas';

export interface PodSeries {
  kind: string;
  /** Each pod's snapshots, oldest first (pods with three or more). */
  perPod: { pod: string; ids: number[] }[];
  /** Per step, the pods' snapshots to merge; null when the pods' series differ in length. */
  mergedSteps: ReplicaSet[] | null;
}

const MIN_STEPS = 3;

export function podSeries(pods: PodGroup[]): PodSeries[] {
  const kinds = [...new Set(pods.flatMap((p) => p.kinds.map((k) => k.kind)))].filter((k) => k !== 'unreadable' && k !== 'trace');
  const out: PodSeries[] = [];
  for (const kind of kinds) {
    const all = pods.map((p) => ({ pod: p.pod, ids: (p.kinds.find((k) => k.kind === kind)?.snapshots ?? []).filter((s) => !s.failed).map((s) => s.id) }));
    const perPod = all.filter((x) => x.ids.length >= MIN_STEPS);
    if (perPod.length === 0) continue;
    const steps = perPod[0].ids.length;
    const even = perPod.length >= 2 && perPod.length === all.filter((x) => x.ids.length > 0).length && perPod.every((x) => x.ids.length === steps);
    const mergedSteps = even ? Array.from({ length: steps }, (_, i) => ({ kind, parts: perPod.map((x) => ({ id: x.ids[i], pod: x.pod })) })) : null;
    out.push({ kind, perPod, mergedSteps });
  }
  return out;
}
