/**
 * The replica sets of an archive: per kind seen in two pods or more, each pod's latest
 * readable snapshot (a merge of replicas compares pods at one moment, not one pod's history).
 */
import type { PodGroup } from './group';

export interface ReplicaSet {
  kind: string;
  parts: { id: number; pod: string }[];
}

/** Kinds a merge means nothing for: a trace is not a profile, an unreadable file has none. */
const UNMERGEABLE = new Set(['unreadable', 'trace']);

export function replicaSets(pods: PodGroup[]): ReplicaSet[] {
  const byKind = new Map<string, ReplicaSet>();
  for (const p of pods) {
    for (const k of p.kinds) {
      if (UNMERGEABLE.has(k.kind)) continue;
      const latest = k.snapshots.filter((s) => !s.failed).at(-1);
      if (!latest) continue;
      let set = byKind.get(k.kind);
      if (!set) byKind.set(k.kind, (set = { kind: k.kind, parts: [] }));
      set.parts.push({ id: latest.id, pod: p.pod });
    }
  }
  return [...byKind.values()].filter((s) => s.parts.length >= 2);
}
