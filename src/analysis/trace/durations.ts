/** Duration statistics of tasks and regions grouped by name (go tool trace's "user-defined tasks/regions"). */
import type { TaskSummaryRow } from './series';

export interface DurationStats {
  name: string;
  count: number;
  complete: number;
  min: number;
  median: number;
  p90: number;
  max: number;
  total: number;
}

/** The value at quantile q of ascending values (nearest rank). */
function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function durationStats(r: TaskSummaryRow): DurationStats {
  const d = r.durations;
  return {
    name: r.name,
    count: r.count,
    complete: r.complete,
    min: d.length ? d[0] : 0,
    median: quantile(d, 0.5),
    p90: quantile(d, 0.9),
    max: d.length ? d[d.length - 1] : 0,
    total: d.reduce((a, b) => a + b, 0),
  };
}
