/**
 * The goroutine analysis table: its columns, sorting, and the time breakdown drawn as a
 * stacked bar. Pure, so it is tested in Node.
 */
import type { GoroutineGroup, GoroutineSortKey, TimeCategory } from '../../worker/trace-api';

export type Times = Record<TimeCategory, number>;
export type Aggregate = 'total' | 'mean';

/** The parts a goroutine's lifetime splits into; they add up to its total time. */
export const SEGMENTS = [
  { key: 'exec', label: 'Execution', title: 'Running on a P' },
  { key: 'sched', label: 'Sched wait', title: 'Runnable, waiting for a P (scheduler latency)' },
  { key: 'sync', label: 'Sync block', title: 'Blocked on channels, select, sync.Mutex/WaitGroup/Cond' },
  { key: 'net', label: 'Net block', title: 'Blocked on network I/O' },
  { key: 'other', label: 'Other block', title: 'Blocked for any other reason: sleep, GC waits, unspecified' },
  { key: 'syscall', label: 'Syscall', title: 'In system calls, including blocked in them' },
  { key: 'unknown', label: 'Unaccounted', title: 'Time not covered by the other states' },
] as const;
export type SegmentKey = (typeof SEGMENTS)[number]['key'];

export function segmentValue(t: Times, key: SegmentKey): number {
  switch (key) {
    case 'exec':
      return t.execNs;
    case 'sched':
      return t.schedWaitNs;
    case 'sync':
      return t.blockSyncNs;
    case 'net':
      return t.blockNetNs;
    case 'other':
      return t.blockOtherNs;
    case 'syscall':
      return t.syscallNs + t.syscallBlockNs;
    case 'unknown':
      return t.unknownNs;
  }
}

export interface Segment {
  key: SegmentKey;
  label: string;
  value: number;
  /** Share of the sum of all segments, 0..1. */
  fraction: number;
}

/** The non-empty segments of a breakdown, in SEGMENTS order, with their shares. */
export function breakdown(t: Times): Segment[] {
  let sum = 0;
  for (const s of SEGMENTS) sum += Math.max(0, segmentValue(t, s.key));
  if (!(sum > 0)) return [];
  const out: Segment[] = [];
  for (const s of SEGMENTS) {
    const v = Math.max(0, segmentValue(t, s.key));
    if (v > 0) out.push({ key: s.key, label: s.label, value: v, fraction: v / sum });
  }
  return out;
}

export type GroupColumnId =
  | 'name'
  | 'count'
  | 'alive'
  | 'exec'
  | 'sched'
  | 'sync'
  | 'net'
  | 'other'
  | 'syscall'
  | 'gc'
  | 'unknown'
  | 'total';

export interface GroupColumn {
  id: GroupColumnId;
  label: string;
  title: string;
  numeric: boolean;
}

export const GROUP_COLUMNS: readonly GroupColumn[] = [
  { id: 'name', label: 'Start function', title: 'The function the goroutines began in', numeric: false },
  { id: 'count', label: 'Goroutines', title: 'Goroutines started in this function', numeric: true },
  { id: 'alive', label: 'Alive at end', title: 'Of those, still alive when the trace ended', numeric: true },
  { id: 'exec', label: 'Exec time', title: 'Execution time: running on a P', numeric: true },
  { id: 'sched', label: 'Sched wait', title: 'Runnable but waiting for a P', numeric: true },
  { id: 'sync', label: 'Sync block', title: 'Blocked on channels, select and sync primitives', numeric: true },
  { id: 'net', label: 'Net block', title: 'Blocked on network I/O', numeric: true },
  { id: 'syscall', label: 'Syscall', title: 'In system calls (including blocked in them)', numeric: true },
  { id: 'gc', label: 'GC assist/\u200bsweep', title: 'Time in GC mark assist and incremental sweep (part of execution)', numeric: true },
  { id: 'other', label: 'Other block', title: 'Blocked on sleep, GC waits and other reasons', numeric: true },
  { id: 'unknown', label: 'Unac\u00adcounted', title: 'Time not covered by the other columns', numeric: true },
  { id: 'total', label: 'Total', title: 'Lifetime within the trace', numeric: true },
];

export function timeOf(t: Times, id: GroupColumnId): number {
  switch (id) {
    case 'gc':
      return t.gcAssistNs + t.gcSweepNs;
    case 'total':
      return t.totalNs;
    case 'name':
    case 'count':
    case 'alive':
      return 0;
    default:
      return segmentValue(t, id);
  }
}

/** A group's value in a numeric column, total or mean per goroutine. */
export function groupValue(g: GoroutineGroup, id: GroupColumnId, agg: Aggregate): number {
  if (id === 'count') return g.count;
  if (id === 'alive') return g.alive;
  return timeOf(agg === 'total' ? g.total : g.mean, id);
}

/** Sorted copy; ties go by count (descending), then name, so the order is stable. */
export function sortGroups(groups: GoroutineGroup[], id: GroupColumnId, descending: boolean, agg: Aggregate): GoroutineGroup[] {
  const sign = descending ? -1 : 1;
  const byName = (a: GoroutineGroup, b: GoroutineGroup) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return [...groups].sort((a, b) => {
    if (id === 'name') return sign * byName(a, b) || b.count - a.count;
    const d = groupValue(a, id, agg) - groupValue(b, id, agg);
    return (d !== 0 ? sign * Math.sign(d) : 0) || b.count - a.count || byName(a, b);
  });
}

/** Names sort ascending on first click, numbers descending. */
export function defaultDescending(id: GroupColumnId): boolean {
  return id !== 'name';
}

/** Columns of one group's goroutine list and the worker sort key each maps to. */
export const GOROUTINE_COLUMNS: readonly { id: string; label: string; sort: GoroutineSortKey | null; title: string }[] = [
  { id: 'id', label: 'Goroutine', sort: 'id', title: 'Goroutine id' },
  { id: 'created', label: 'Created', sort: 'creationNs', title: 'When it was created, from the start of the trace' },
  { id: 'ended', label: 'Ended', sort: 'endNs', title: 'When it exited, or "alive at end"' },
  { id: 'creator', label: 'Creator', sort: null, title: 'The goroutine that ran the go statement' },
  { id: 'exec', label: 'Execution', sort: 'execNs', title: 'Time running' },
  { id: 'sched', label: 'Sched wait', sort: 'schedWaitNs', title: 'Runnable, waiting for a P' },
  { id: 'sync', label: 'Sync block', sort: 'blockSyncNs', title: 'Blocked on sync' },
  { id: 'total', label: 'Total', sort: 'totalNs', title: 'Lifetime within the trace' },
  { id: 'breakdown', label: 'Breakdown', sort: null, title: 'Where its time went' },
  { id: 'stack', label: 'Created at', sort: null, title: 'The go statement that created it' },
];
