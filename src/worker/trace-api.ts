/**
 * The trace part of the worker API: summary, goroutine analysis, creation over time,
 * snapshots at an instant, heap/GC series, tasks/regions, and the profiles inside a trace
 * registered as virtual files (so flame graph, top and diff work on them unchanged).
 * Answers are small and shaped for drawing; stacks travel as resolved frames.
 */
import type { GoroutineGroup, TimeCategory } from '../analysis/trace';
import type { DurationStats } from '../analysis/trace/durations';
import type { GoroutineSortKey } from '../analysis/trace/group-slots';
import type { DerivedKind, DerivedTotal } from '../analysis/trace/profile-totals';
import type { SnapshotStackGroup } from '../analysis/trace/snapshot-stacks';
import type { StackFrameInfo } from '../analysis/trace/stack-frames';
import type { FileId, FileInfo } from './types';

export type { DerivedKind, DerivedTotal, DurationStats, GoroutineGroup, GoroutineSortKey, StackFrameInfo, TimeCategory };

export interface TraceFileRequest {
  file: FileId;
}

export interface TraceSummaryAnswer {
  goVersion: string;
  /** Trace span (relative ns, from the first Sync to the last event). */
  durationNs: number;
  events: number;
  goroutines: number;
  procs: number;
  generations: number;
  cpuSamples: number;
  experimentalEvents: number;
  /** Unix ns of time 0 when the trace carries a clock snapshot, else 0. */
  wallClockBaseNs: number;
  eventsByKind: Record<string, number>;
  tasks: number;
  regions: number;
  gcs: number;
  stwPauses: number;
  heapPoints: number;
  /** Every warning (truncated tail, experimental batches skipped…). */
  warnings: string[];
  /** Set when parsing stopped early: where and why. */
  error: string | null;
}

export interface TraceGroupsAnswer {
  groups: GoroutineGroup[];
  goroutines: number;
  durationNs: number;
}

export interface TraceGoroutinesRequest {
  file: FileId;
  /** Start function of the group. */
  group: string;
  sort: GoroutineSortKey;
  descending: boolean;
  offset: number;
  limit: number;
}

export interface TraceGoroutineRow {
  id: number;
  creationNs: number;
  /** null: never ran in the trace. */
  startNs: number | null;
  /** null: still alive at the end of the trace. */
  endNs: number | null;
  /** Creator goroutine id and its start function; null when it existed before the trace. */
  creator: number | null;
  creatorName: string | null;
  times: Record<TimeCategory, number>;
  /** Stack of the go statement that created it, leaf first. */
  creationStack: StackFrameInfo[];
}

export interface TraceGoroutinesAnswer {
  rows: TraceGoroutineRow[];
  rowCount: number;
  /** Block time per reason for the whole group ("chan receive", "select", …). */
  blockReasons: { reason: string; ns: number }[];
}

export interface TraceCreationRequest {
  file: FileId;
  buckets: number;
  top: number;
}

export interface TraceCreationAnswer {
  starts: number[];
  width: number;
  /** Start functions, most created first, then "(other)" when more exist. */
  names: string[];
  counts: number[][];
  /** Created in the whole trace, per name. */
  totals: number[];
  /** Live goroutines at the end of each bucket. */
  live: number[];
  durationNs: number;
}

export interface TraceProfilesRequest {
  file: FileId;
  group?: string;
}

export interface TraceProfilesAnswer {
  profiles: DerivedTotal[];
}

export interface OpenDerivedRequest {
  file: FileId;
  kind: DerivedKind;
  group?: string;
  /** CPU samples only: those inside this time range (relative ns). */
  range?: { t0: number; t1: number };
}

export interface OpenSnapshotRequest {
  file: FileId;
  timeNs: number;
}

export interface SnapshotRequest {
  file: FileId;
  timeNs: number;
  /** Stacks to send, most goroutines first. */
  limit: number;
}

export interface SnapshotStack extends Omit<SnapshotStackGroup, 'stack'> {
  /** Leaf first; [] when unknown. */
  frames: StackFrameInfo[];
}

export interface SnapshotAnswer {
  timeNs: number;
  total: number;
  countsByState: Record<string, number>;
  stacks: SnapshotStack[];
  stackCount: number;
}

export interface SnapshotDeltaRequest {
  file: FileId;
  aNs: number;
  bNs: number;
  limit: number;
}

export interface SnapshotDeltaRow {
  frames: StackFrameInfo[];
  before: number;
  after: number;
}

export interface SnapshotDeltaAnswer {
  aNs: number;
  bNs: number;
  totalA: number;
  totalB: number;
  rows: SnapshotDeltaRow[];
  rowCount: number;
}

export interface TraceHeapRequest {
  file: FileId;
  /** At most this many points per line (min/max kept per bucket). */
  points: number;
}

export interface TraceHeapAnswer {
  durationNs: number;
  heapAlloc: { timeNs: number[]; bytes: number[] };
  heapGoal: { timeNs: number[]; bytes: number[] };
  /** GC mark phases; endNs null while still running at the end. */
  gcs: { startNs: number; endNs: number | null }[];
  stw: { startNs: number; endNs: number | null; kind: string }[];
}

export interface TraceTasksAnswer {
  tasks: DurationStats[];
  regions: DurationStats[];
}

export interface TraceApi {
  traceSummary(p: TraceFileRequest): TraceSummaryAnswer;
  traceGroups(p: TraceFileRequest): TraceGroupsAnswer;
  traceGoroutines(p: TraceGoroutinesRequest): TraceGoroutinesAnswer;
  traceCreation(p: TraceCreationRequest): TraceCreationAnswer;
  traceProfiles(p: TraceProfilesRequest): TraceProfilesAnswer;
  openDerived(p: OpenDerivedRequest): FileInfo;
  openSnapshot(p: OpenSnapshotRequest): FileInfo;
  traceSnapshot(p: SnapshotRequest): SnapshotAnswer;
  traceSnapshotDelta(p: SnapshotDeltaRequest): SnapshotDeltaAnswer;
  traceHeap(p: TraceHeapRequest): TraceHeapAnswer;
  traceTasks(p: TraceFileRequest): TraceTasksAnswer;
}
