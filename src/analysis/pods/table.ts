/**
 * Pod against pod: per pod and kind the headline number of the pod's latest snapshot
 * (heap in use, goroutines, CPU time, contention delay…), its deviation from the median of
 * the replicas, and pods ordered by their largest deviation, the odd one first.
 */
import type { PodGroup } from './group';

/** What a kind's headline is: its sample type, else the profile's default. */
const HEADLINE_TYPE: Record<string, string> = { heap: 'inuse_space', allocs: 'alloc_space', cpu: 'cpu', mutex: 'delay', block: 'delay' };

/** A deviation at least this large (±50% of the median) marks an outlier. */
export const OUTLIER = 0.5;

export interface SnapshotTotals {
  sampleTypes: { type: string; unit: string }[];
  defaultSampleType: number;
  totals: number[];
}

export interface PodCell {
  id: number;
  value: number;
  /** (value − median) / median; null with fewer than two pods of the kind. */
  deviation: number | null;
}

export interface PodColumn {
  kind: string;
  sampleType: string;
  unit: string;
  median: number;
  /** The pod whose value is nearest the median: the baseline an outlier is compared with. */
  medianPod: string;
}

export interface PodRow {
  pod: string;
  /** One per column; null where the pod has no readable snapshot of the kind. */
  cells: (PodCell | null)[];
  /** The largest |deviation| of the row. */
  score: number;
}

export interface PodTable {
  columns: PodColumn[];
  rows: PodRow[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function headline(kind: string, t: SnapshotTotals): { type: string; unit: string; value: number } | null {
  let i = t.sampleTypes.findIndex((x) => x.type === HEADLINE_TYPE[kind]);
  if (i < 0) i = t.defaultSampleType;
  const st = t.sampleTypes[i];
  return st ? { type: st.type, unit: st.unit, value: t.totals[i] ?? 0 } : null;
}

function deviation(value: number, med: number): number {
  if (med === 0) return value === 0 ? 0 : Infinity;
  return (value - med) / med;
}

export function podTable(pods: PodGroup[], totalsOf: (id: number) => SnapshotTotals | undefined): PodTable {
  const columns: PodColumn[] = [];
  const cellsByKind: Map<string, PodCell>[] = [];
  const kinds = [...new Set(pods.flatMap((p) => p.kinds.map((k) => k.kind)))].filter((k) => k !== 'unreadable' && k !== 'trace');
  for (const kind of kinds) {
    const cells = new Map<string, PodCell>();
    let type: { type: string; unit: string } | null = null;
    for (const p of pods) {
      const latest = p.kinds.find((k) => k.kind === kind)?.snapshots.filter((s) => !s.failed).at(-1);
      const totals = latest && totalsOf(latest.id);
      const h = totals && headline(kind, totals);
      if (!latest || !h || (type && h.type !== type.type)) continue;
      type ??= h;
      cells.set(p.pod, { id: latest.id, value: h.value, deviation: null });
    }
    if (!type || cells.size === 0) continue;
    const med = median([...cells.values()].map((c) => c.value));
    if (cells.size >= 2) for (const c of cells.values()) c.deviation = deviation(c.value, med);
    const medianPod = [...cells].sort((a, b) => Math.abs(a[1].value - med) - Math.abs(b[1].value - med))[0][0];
    columns.push({ kind, sampleType: type.type, unit: type.unit, median: med, medianPod });
    cellsByKind.push(cells);
  }
  const rows = pods
    .filter((p) => cellsByKind.some((c) => c.has(p.pod)))
    .map((p) => {
      const cells = cellsByKind.map((c) => c.get(p.pod) ?? null);
      const score = Math.max(0, ...cells.map((c) => Math.abs(c?.deviation ?? 0)));
      return { pod: p.pod, cells, score };
    });
  // Stable: equal scores keep the pods' natural order.
  rows.sort((a, b) => b.score - a.score);
  return { columns, rows };
}
