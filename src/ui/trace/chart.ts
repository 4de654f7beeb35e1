/**
 * Geometry and words for the trace charts: stacked creation buckets, the headline that
 * names a runaway creator, time ticks, lookups under the pointer. Pure (no DOM).
 */
import { scaleLinear } from 'd3';
import { formatNanos, thousands } from '../../state/format';
import type { GoroutineGroup, TraceCreationAnswer } from '../../worker/trace-api';
import { shortFuncName } from '../../model/go-names';

/** Where each series sits in each bucket once stacked: y0[k][i]..y1[k][i]. */
export interface Stacked {
  y0: number[][];
  y1: number[][];
  /** Created per bucket, all series. */
  totals: number[];
  max: number;
}

export function stackCounts(counts: number[][]): Stacked {
  const buckets = counts[0]?.length ?? 0;
  const totals = new Array<number>(buckets).fill(0);
  const y0: number[][] = [];
  const y1: number[][] = [];
  for (const row of counts) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < buckets; i++) {
      a.push(totals[i]);
      totals[i] += row[i];
      b.push(totals[i]);
    }
    y0.push(a);
    y1.push(b);
  }
  return { y0, y1, totals, max: totals.reduce((m, v) => Math.max(m, v), 0) };
}

/** Bucket under x (px from the plot's left edge), clamped. */
export function bucketAt(x: number, plotWidth: number, buckets: number): number {
  if (buckets <= 0 || plotWidth <= 0) return 0;
  return Math.max(0, Math.min(buckets - 1, Math.floor((x / plotWidth) * buckets)));
}

/** A time in the trace for labels: "812 µs", "41.3 ms", "1.234 s". */
export function formatInstant(ns: number): string {
  if (!Number.isFinite(ns)) return String(ns);
  const a = Math.abs(ns);
  if (a >= 1e9 && a < 60e9) return `${(ns / 1e9).toFixed(3)} s`;
  return formatNanos(ns);
}

/** Round tick values for a time axis of [0, durationNs], labelled with units. */
export function timeTicks(durationNs: number, count: number): { value: number; label: string }[] {
  const s = scaleLinear().domain([0, Math.max(1, durationNs)]);
  return s.ticks(Math.max(2, count)).map((v) => ({ value: v, label: v === 0 ? '0' : formatNanos(v) }));
}

/** Nice upper bound and ticks for a count or byte axis. */
export function valueTicks(max: number, count: number): { max: number; ticks: number[] } {
  const s = scaleLinear().domain([0, max > 0 ? max : 1]).nice(count);
  return { max: s.domain()[1], ticks: s.ticks(count) };
}

/** Index of the last sample at or before t (binary search); -1 before the first. */
export function indexAtOrBefore(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

export interface CreatorFinding {
  name: string;
  created: number;
  alive: number;
  /** Creations per second over the span where this function was creating goroutines. */
  perSecond: number;
  /** Share of buckets between its first and last creation that had some (1 = steady). */
  steadiness: number;
}

export interface CreationHeadline {
  liveStart: number;
  liveEnd: number;
  createdTotal: number;
  /** Start functions that created many goroutines that did not exit, biggest first. */
  runaway: CreatorFinding[];
  /** The first sentence: how live goroutines moved. */
  summary: string;
  /** Everything, as one text (for labels and tests). */
  text: string;
}

/**
 * One or two sentences saying what the creation chart shows: how live goroutines moved
 * and which start functions created goroutines that never exited (incident 2's cause).
 */
export function creationHeadline(c: TraceCreationAnswer, groups: GoroutineGroup[]): CreationHeadline {
  const liveStart = c.live[0] ?? 0;
  const liveEnd = c.live[c.live.length - 1] ?? 0;
  const createdTotal = c.totals.reduce((a, b) => a + b, 0);
  const byName = new Map(groups.map((g) => [g.name, g]));
  const findings: CreatorFinding[] = [];
  c.names.forEach((name, k) => {
    if (name === '(other)') return;
    const created = c.totals[k] ?? 0;
    const g = byName.get(name === '(no stack)' ? '' : name);
    if (!g || created < 100 || created < createdTotal * 0.05) return;
    const alive = Math.min(g.alive, g.count);
    if (alive < created * 0.5) return;
    const row = c.counts[k];
    let first = -1;
    let last = -1;
    let active = 0;
    row.forEach((n, i) => {
      if (n > 0) {
        if (first < 0) first = i;
        last = i;
        active++;
      }
    });
    const spanNs = (last - first + 1) * c.width;
    findings.push({
      name,
      created,
      alive,
      perSecond: spanNs > 0 ? created / (spanNs / 1e9) : 0,
      steadiness: first < 0 ? 0 : active / (last - first + 1),
    });
  });
  findings.sort((a, b) => b.alive - a.alive || b.created - a.created || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const runaway = findings.slice(0, 3);
  const delta = liveEnd - liveStart;
  const summary = `Live goroutines went from ${thousands(liveStart)} to ${thousands(liveEnd)} (${delta >= 0 ? '+' : ''}${thousands(delta)}); ${thousands(createdTotal)} created during the trace.`;
  let text = summary;
  if (runaway.length > 0) {
    const parts = runaway.map(
      (f) =>
        `${shortFuncName(f.name)}: ${thousands(f.created)} created (${rate(f.perSecond)}${f.steadiness >= 0.6 ? ', steadily' : ''}), ${thousands(f.alive)} still alive at the end`,
    );
    text += ` Created and never exited — ${parts.join('; ')}.`;
  }
  return { liveStart, liveEnd, createdTotal, runaway, summary, text };
}

export function rate(perSecond: number): string {
  if (perSecond >= 10) return `~${thousands(Math.round(perSecond))}/s`;
  return `~${perSecond.toFixed(1)}/s`;
}

/** Text for one creation bucket, for the tooltip and the screen-reader announcement. */
export function bucketLines(c: TraceCreationAnswer, i: number): { title: string; rows: { name: string; count: number; k: number }[]; created: number; live: number } {
  const start = c.starts[i] ?? 0;
  const rows = c.names
    .map((name, k) => ({ name, count: c.counts[k]?.[i] ?? 0, k }))
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
  return {
    title: `${formatInstant(start)} – ${formatInstant(start + c.width)}`,
    rows,
    created: rows.reduce((a, r) => a + r.count, 0),
    live: c.live[i] ?? 0,
  };
}

export function bucketSentence(c: TraceCreationAnswer, i: number): string {
  const b = bucketLines(c, i);
  const top = b.rows.slice(0, 3).map((r) => `${thousands(r.count)} ${shortFuncName(r.name)}`).join(', ');
  return `${b.title}: ${thousands(b.created)} created${top ? ` (${top})` : ''}, ${thousands(b.live)} live at its end.`;
}

/** Stop-the-world pauses: how many, the longest and the total (ended ones only). */
export function pauseStats(stw: { startNs: number; endNs: number | null }[]): { count: number; longest: number; total: number } {
  let longest = 0;
  let total = 0;
  for (const p of stw) {
    if (p.endNs === null) continue;
    const d = p.endNs - p.startNs;
    total += d;
    if (d > longest) longest = d;
  }
  return { count: stw.length, longest, total };
}
