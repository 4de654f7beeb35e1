/**
 * Goroutine analysis: goroutines grouped by start function, with count and total/mean of
 * each time category (the table `go tool trace` shows on its goroutines page, extended).
 */
import type { TraceModel } from '../../model/trace';

export const TIME_CATEGORIES = [
  'execNs',
  'schedWaitNs',
  'blockSyncNs',
  'blockNetNs',
  'blockOtherNs',
  'syscallNs',
  'syscallBlockNs',
  'gcAssistNs',
  'gcSweepNs',
  'unknownNs',
  'totalNs',
] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

export interface GoroutineGroup {
  /** Start function; "" when no stack was ever seen for these goroutines. */
  name: string;
  count: number;
  /** Goroutines still alive at the end of the trace. */
  alive: number;
  total: Record<TimeCategory, number>;
  mean: Record<TimeCategory, number>;
}

function zero(): Record<TimeCategory, number> {
  const r = {} as Record<TimeCategory, number>;
  for (const c of TIME_CATEGORIES) r[c] = 0;
  return r;
}

/** Groups sorted by total execution time, descending (like `go tool trace`), then name. */
export function goroutineGroups(model: TraceModel, sortBy: TimeCategory | 'count' = 'execNs'): GoroutineGroup[] {
  const g = model.goroutines;
  const byName = new Map<number, GoroutineGroup>();
  for (let i = 0; i < g.count; i++) {
    let grp = byName.get(g.name[i]);
    if (!grp) {
      grp = { name: model.symbols.strings[g.name[i]], count: 0, alive: 0, total: zero(), mean: zero() };
      byName.set(g.name[i], grp);
    }
    grp.count++;
    if (Number.isNaN(g.endNs[i])) grp.alive++;
    for (const c of TIME_CATEGORIES) grp.total[c] += g[c][i];
  }
  const out = [...byName.values()];
  for (const grp of out) for (const c of TIME_CATEGORIES) grp.mean[c] = grp.total[c] / grp.count;
  const key = (x: GoroutineGroup): number => (sortBy === 'count' ? x.count : x.total[sortBy]);
  return out.sort((a, b) => key(b) - key(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export interface GoroutineRow {
  slot: number;
  id: number;
  name: string;
  creationNs: number;
  startNs: number | null;
  /** null: still alive at the end of the trace. */
  endNs: number | null;
  creator: number | null;
  creationStack: number;
  times: Record<TimeCategory, number>;
}

/** The goroutines of one group (by start function), longest-running first. */
export function groupGoroutines(model: TraceModel, name: string): GoroutineRow[] {
  const g = model.goroutines;
  const rows: GoroutineRow[] = [];
  for (let i = 0; i < g.count; i++) {
    if (model.symbols.strings[g.name[i]] !== name) continue;
    rows.push(goroutineRow(model, i));
  }
  return rows.sort((a, b) => b.times.execNs - a.times.execNs || a.id - b.id);
}

export function goroutineRow(model: TraceModel, slot: number): GoroutineRow {
  const g = model.goroutines;
  const times = zero();
  for (const c of TIME_CATEGORIES) times[c] = g[c][slot];
  return {
    slot,
    id: g.id[slot],
    name: model.symbols.strings[g.name[slot]],
    creationNs: g.creationNs[slot],
    startNs: Number.isNaN(g.startNs[slot]) ? null : g.startNs[slot],
    endNs: Number.isNaN(g.endNs[slot]) ? null : g.endNs[slot],
    creator: g.creator[slot] < 0 ? null : g.creator[slot],
    creationStack: g.creationStack[slot],
    times,
  };
}

/** Block time per reason (e.g. "chan receive", "select") for a group, or all goroutines. */
export function blockReasons(model: TraceModel, name?: string): Record<string, number> {
  const out: Record<string, number> = {};
  const b = model.blockByReason;
  const s = model.symbols.strings;
  for (let i = 0; i < b.count; i++) {
    if (name !== undefined && s[model.goroutines.name[b.goroutine[i]]] !== name) continue;
    const r = s[b.key[i]];
    out[r] = (out[r] ?? 0) + b.ns[i];
  }
  return out;
}
