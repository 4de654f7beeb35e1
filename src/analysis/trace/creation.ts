/**
 * Goroutine creation over time (stacked by start function) and live goroutines over time:
 * the chart that makes a runaway creator obvious.
 */
import type { TraceModel } from '../../model/trace';

export interface CreationSeries {
  /** Bucket start times (relative ns); bucket i covers [starts[i], starts[i] + width). */
  starts: number[];
  width: number;
  /** Start functions, most goroutines created first; the rest folded into "(other)". */
  names: string[];
  /** counts[k][i]: goroutines of names[k] created in bucket i. */
  counts: number[][];
  /** Live goroutines at the end of each bucket. */
  live: number[];
}

/**
 * Goroutines that existed before the trace (created at the first Sync) are counted in the
 * live series but not as creations.
 */
export function creationOverTime(model: TraceModel, buckets = 100, topNames = 8): CreationSeries {
  const g = model.goroutines;
  const end = Math.max(model.summary.endNs, 1);
  const width = end / buckets;
  const starts = Array.from({ length: buckets }, (_, i) => i * width);
  const perName = new Map<number, number>();
  for (let i = 0; i < g.count; i++) if (g.creator[i] >= 0) perName.set(g.name[i], (perName.get(g.name[i]) ?? 0) + 1);
  const ranked = [...perName.entries()].sort((a, b) => b[1] - a[1]);
  const top = ranked.slice(0, topNames).map(([n]) => n);
  const names = top.map((n) => model.symbols.strings[n] || '(no stack)');
  const hasOther = ranked.length > topNames;
  if (hasOther) names.push('(other)');
  const row = new Map<number, number>(top.map((n, k) => [n, k]));
  const counts = names.map(() => new Array<number>(buckets).fill(0));
  const delta = new Float64Array(buckets + 1);
  const bucketOf = (t: number): number => Math.min(buckets - 1, Math.max(0, Math.floor(t / width)));
  for (let i = 0; i < g.count; i++) {
    const b = bucketOf(g.creationNs[i]);
    delta[b]++;
    if (!Number.isNaN(g.endNs[i])) delta[bucketOf(g.endNs[i])]--;
    if (g.creator[i] < 0) continue;
    const k = row.get(g.name[i]) ?? (hasOther ? names.length - 1 : -1);
    if (k >= 0) counts[k][b]++;
  }
  const live: number[] = [];
  let cur = 0;
  for (let i = 0; i < buckets; i++) live.push((cur += delta[i]));
  return { starts, width, names, counts, live };
}

/** Exact live-goroutine step series: times where the count changes and the new count. */
export function liveGoroutines(model: TraceModel): { timeNs: Float64Array; count: Int32Array } {
  const g = model.goroutines;
  const ev: number[] = [];
  for (let i = 0; i < g.count; i++) {
    ev.push(g.creationNs[i] * 2 + 1); // +1: creation sorts after an exit at the same time
    if (!Number.isNaN(g.endNs[i])) ev.push(g.endNs[i] * 2);
  }
  ev.sort((a, b) => a - b);
  const timeNs = new Float64Array(ev.length);
  const count = new Int32Array(ev.length);
  let cur = 0;
  for (let i = 0; i < ev.length; i++) {
    cur += ev[i] % 2 === 1 ? 1 : -1;
    timeNs[i] = Math.floor(ev[i] / 2);
    count[i] = cur;
  }
  return { timeNs, count };
}
