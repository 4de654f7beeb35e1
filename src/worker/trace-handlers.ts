/**
 * The worker's answers to the trace calls. Pure over the Session; no messaging here.
 * Per-trace caches hang off the TraceModel (WeakMap), so closing a file frees them.
 */
import {
  blockReasons,
  cpuSamplesProfile,
  creationOverTime,
  derivedProfile,
  goroutineGroups,
  heapSeries,
  regionSummary,
  snapshotAt,
  snapshotDelta,
  taskSummary,
  TIME_CATEGORIES,
  type Snapshot,
  type TaskSummaryRow,
  type TimeCategory,
} from '../analysis/trace';
import { scanTraceAsync } from '../formats/gotrace';
import type { FileKind } from '../model/file-kind';
import type { Profile } from '../model/profile';
import { PPROF_KINDS, type TraceModel, type TraceSymbols } from '../model/trace';
import type { FileId, FileInfo } from './api';
import type { Session } from './session';
import { summarize } from './summary';
import type {
  DerivedKind,
  DerivedTotal,
  DurationStats,
  GoroutineSortKey,
  OpenDerivedRequest,
  OpenSnapshotRequest,
  SnapshotAnswer,
  SnapshotDeltaAnswer,
  SnapshotDeltaRequest,
  SnapshotRequest,
  SnapshotStack,
  StackFrameInfo,
  TraceCreationAnswer,
  TraceCreationRequest,
  TraceFileRequest,
  TraceGoroutineRow,
  TraceGoroutinesAnswer,
  TraceGoroutinesRequest,
  TraceGroupsAnswer,
  TraceHeapAnswer,
  TraceHeapRequest,
  TraceProfilesAnswer,
  TraceProfilesRequest,
  TraceSummaryAnswer,
  TraceTasksAnswer,
} from './trace-api';
import { DERIVED_ID_BASE, shortFuncName } from './trace-api';

interface OpenTrace {
  model: TraceModel;
  bytes: Uint8Array;
  info: FileInfo;
}

function traceOf(session: Session, id: FileId): OpenTrace {
  const f = session.get(id);
  if (!f.trace) throw new Error(`${f.info.name} is not an execution trace`);
  return { ...f.trace, info: f.info };
}

// ---------- summary ----------

export function traceSummary(session: Session, p: TraceFileRequest): TraceSummaryAnswer {
  const { model } = traceOf(session, p.file);
  const s = model.summary;
  const heapPoints = model.metrics.count;
  return {
    goVersion: s.goVersion,
    durationNs: s.endNs,
    events: s.events,
    goroutines: s.goroutines,
    procs: s.procs,
    generations: s.generations,
    cpuSamples: s.cpuSamples,
    experimentalEvents: s.experimentalEvents,
    wallClockBaseNs: s.wallClockBaseNs,
    eventsByKind: { ...s.eventsByKind },
    tasks: model.tasks.length,
    regions: model.regions.filter((r) => r.name !== '').length,
    gcs: model.gcs.count,
    stwPauses: model.stw.count,
    heapPoints,
    warnings: s.warnings.map((w) => w.message),
    error: s.error ? `stopped at byte ${s.error.offset}: ${s.error.message}` : null,
  };
}

// ---------- goroutine analysis ----------

export function traceGroups(session: Session, p: TraceFileRequest): TraceGroupsAnswer {
  const { model } = traceOf(session, p.file);
  return { groups: goroutineGroups(model, 'count'), goroutines: model.goroutines.count, durationNs: model.summary.endNs };
}

/** Frames of a trace stack, leaf first, at most `max`. */
export function stackFrames(syms: TraceSymbols, stack: number, max = 64): StackFrameInfo[] {
  const n = Math.min(syms.stackLength(stack), max);
  const out: StackFrameInfo[] = [];
  for (let i = 0; i < n; i++) {
    const f = syms.stackFrame(stack, i);
    out.push({ func: syms.strings[syms.funcOf(f)], file: syms.strings[syms.fileOf(f)], line: syms.lineOf(f) });
  }
  return out;
}

interface ModelCache {
  slotById?: Map<number, number>;
  group?: { key: string; slots: Int32Array };
  snapshots: Map<number, Snapshot>;
  derived: Map<string, Profile>;
}
const caches = new WeakMap<TraceModel, ModelCache>();
function cacheOf(model: TraceModel): ModelCache {
  let c = caches.get(model);
  if (!c) caches.set(model, (c = { snapshots: new Map(), derived: new Map() }));
  return c;
}

function slotById(model: TraceModel): Map<number, number> {
  const c = cacheOf(model);
  if (!c.slotById) {
    const m = new Map<number, number>();
    const g = model.goroutines;
    // Ids can be reused; the first holder is the one that can have created later goroutines.
    for (let i = 0; i < g.count; i++) if (!m.has(g.id[i])) m.set(g.id[i], i);
    c.slotById = m;
  }
  return c.slotById;
}

/** Slots of one group's goroutines, sorted by `sort`; ties by goroutine id. */
export function groupSlots(model: TraceModel, group: string, sort: GoroutineSortKey, descending: boolean): Int32Array {
  const c = cacheOf(model);
  const key = `${group}\u0000${sort}\u0000${descending}`;
  if (c.group?.key === key) return c.group.slots;
  const g = model.goroutines;
  const nameId = model.symbols.strings.indexOf(group);
  const list: number[] = [];
  if (nameId >= 0) for (let i = 0; i < g.count; i++) if (g.name[i] === nameId) list.push(i);
  const col: ArrayLike<number> = sort === 'id' ? g.id : sort === 'creationNs' ? g.creationNs : sort === 'endNs' ? g.endNs : g[sort];
  const sign = descending ? -1 : 1;
  // Still alive (NaN end) sorts as the latest end.
  const v = (i: number) => {
    const x = col[i];
    return Number.isNaN(x) ? Infinity : x;
  };
  list.sort((a, b) => {
    const va = v(a);
    const vb = v(b);
    return va === vb ? g.id[a] - g.id[b] : va < vb ? -sign : sign;
  });
  const slots = Int32Array.from(list);
  c.group = { key, slots };
  return slots;
}

export function traceGoroutines(session: Session, p: TraceGoroutinesRequest): TraceGoroutinesAnswer {
  const { model } = traceOf(session, p.file);
  const slots = groupSlots(model, p.group, p.sort, p.descending);
  const g = model.goroutines;
  const strings = model.symbols.strings;
  const byId = slotById(model);
  const rows: TraceGoroutineRow[] = [];
  const end = Math.min(slots.length, p.offset + Math.min(p.limit, 1000));
  for (let k = Math.max(0, p.offset); k < end; k++) {
    const i = slots[k];
    const times = {} as Record<TimeCategory, number>;
    for (const c of TIME_CATEGORIES) times[c] = g[c][i];
    const creator = g.creator[i] < 0 ? null : g.creator[i];
    const cs = creator === null ? undefined : byId.get(creator);
    rows.push({
      id: g.id[i],
      creationNs: g.creationNs[i],
      startNs: Number.isNaN(g.startNs[i]) ? null : g.startNs[i],
      endNs: Number.isNaN(g.endNs[i]) ? null : g.endNs[i],
      creator,
      creatorName: cs === undefined ? null : strings[g.name[cs]] || null,
      times,
      creationStack: stackFrames(model.symbols, g.creationStack[i], 32),
    });
  }
  const reasons = Object.entries(blockReasons(model, p.group))
    .map(([reason, ns]) => ({ reason, ns }))
    .sort((a, b) => b.ns - a.ns);
  return { rows, rowCount: slots.length, blockReasons: reasons };
}

// ---------- creation over time ----------

export function traceCreation(session: Session, p: TraceCreationRequest): TraceCreationAnswer {
  const { model } = traceOf(session, p.file);
  const buckets = Math.max(1, Math.min(2000, Math.floor(p.buckets)));
  const c = creationOverTime(model, buckets, Math.max(1, Math.min(20, Math.floor(p.top))));
  return {
    starts: c.starts,
    width: c.width,
    names: c.names,
    counts: c.counts,
    totals: c.counts.map((row) => row.reduce((a, b) => a + b, 0)),
    live: c.live,
    durationNs: model.summary.endNs,
  };
}

// ---------- profiles inside the trace ----------

const KIND_LABEL: Record<DerivedKind, string> = {
  cpu: 'CPU samples',
  sync: 'sync blocking',
  net: 'network blocking',
  syscall: 'syscalls',
  sched: 'scheduler latency',
};

/** Totals of each profile inside the trace, without building them. */
export function traceProfiles(session: Session, p: TraceProfilesRequest): TraceProfilesAnswer {
  const { model } = traceOf(session, p.file);
  const out: DerivedTotal[] = [];
  // CPU samples, optionally of one group's goroutines.
  let allowed: Set<number> | null = null;
  if (p.group !== undefined) {
    allowed = new Set();
    const g = model.goroutines;
    const nameId = model.symbols.strings.indexOf(p.group);
    for (let i = 0; i < g.count; i++) if (g.name[i] === nameId) allowed.add(g.id[i]);
  }
  const cs = model.cpuSamples;
  const cpuStacks = new Set<number>();
  let samples = 0;
  for (let i = 0; i < cs.count; i++) {
    if (allowed && !allowed.has(cs.goroutine[i])) continue;
    samples++;
    cpuStacks.add(cs.stack[i]);
  }
  out.push({ kind: 'cpu', stacks: cpuStacks.size, value: samples, unit: 'count', events: samples });
  const d = model.derived;
  const groupId = p.group === undefined ? -1 : model.symbols.strings.indexOf(p.group);
  for (const kind of ['sync', 'net', 'syscall', 'sched'] as const) {
    const k = PPROF_KINDS.indexOf(kind);
    const stacks = new Set<number>();
    let delay = 0;
    let events = 0;
    for (let i = 0; i < d.count; i++) {
      if (d.kind[i] !== k) continue;
      if (p.group !== undefined && d.group[i] !== groupId) continue;
      stacks.add(d.stack[i]);
      delay += d.delayNs[i];
      events += d.contentions[i];
    }
    out.push({ kind, stacks: stacks.size, value: delay, unit: 'nanoseconds', events });
  }
  return { profiles: out };
}

export { DERIVED_ID_BASE };
let nextDerivedId = DERIVED_ID_BASE;
const openedDerived = new WeakMap<Session, Map<string, FileId>>();

function registered(session: Session, key: string): FileInfo | null {
  const id = openedDerived.get(session)?.get(key);
  if (id === undefined) return null;
  try {
    return session.get(id).info;
  } catch {
    return null; // closed by the user since
  }
}

interface Derived {
  key: string;
  name: string;
  /** Name of the trace it comes from. */
  from: string;
  kind: FileKind;
  profile: Profile;
  warnings?: string[];
}

function register(session: Session, d: Derived): FileInfo {
  const id = nextDerivedId++;
  const info: FileInfo = { id, name: d.name, size: 0, kind: d.kind, warnings: d.warnings ?? [], profile: summarize(d.profile), derivedFrom: d.from };
  const { key, profile } = d;
  session.add({ info, profile });
  let m = openedDerived.get(session);
  if (!m) openedDerived.set(session, (m = new Map()));
  m.set(key, id);
  return info;
}

/**
 * "sync blocking · main-1-trace-1.pprof": what it is first, so a file list that cuts long
 * names still tells the derived files apart.
 */
export function derivedName(traceName: string, kind: DerivedKind, group?: string): string {
  return `${KIND_LABEL[kind]}${group !== undefined ? ` of ${shortFuncName(group) || '(no stack)'}` : ''} · ${traceName}`;
}

/**
 * Registers one profile inside the trace as a new file of the session and returns its
 * FileInfo; asking again for the same one returns the file already open.
 */
export function openDerived(session: Session, p: OpenDerivedRequest): FileInfo {
  const { model, info } = traceOf(session, p.file);
  const key = `${p.file}|${p.kind}|${p.group ?? '\u0000'}`;
  const existing = registered(session, key);
  if (existing) return existing;
  const profile = p.kind === 'cpu' ? cpuSamplesProfile(model, p.group) : derivedProfile(model, p.kind, p.group);
  const kind: FileKind =
    p.kind === 'cpu' ? { kind: 'pprof', profile: 'cpu' } : { kind: 'pprof', profile: p.kind === 'sched' ? 'other' : 'block' };
  const warnings = profile.samples.count === 0 ? [`the trace has no ${KIND_LABEL[p.kind]}${p.group !== undefined ? ' for this group' : ''}`] : [];
  return register(session, { key, name: derivedName(info.name, p.kind, p.group), from: info.name, kind, profile, warnings });
}

// ---------- snapshots ----------

const SNAPSHOT_CACHE = 4;

/**
 * The scan behind the latest request of each kind per trace. A snapshot replays the trace
 * up to its instant (seconds on a big trace), in slices so the worker keeps answering;
 * a newer request of the same kind (the user moved the instant) stops the older scan.
 */
const latestScan = new Map<string, { aborted: boolean }>();

function supersede(kind: string, file: FileId): { aborted: boolean } {
  const key = `${file}|${kind}`;
  const prev = latestScan.get(key);
  if (prev) prev.aborted = true;
  const signal = { aborted: false };
  latestScan.set(key, signal);
  return signal;
}

/** Bytes of the trace replayed so far, of all of them. */
export type ScanProgress = (done: number, total: number) => void;

async function snapshot(t: OpenTrace, timeNs: number, signal?: { aborted: boolean }, onProgress?: ScanProgress): Promise<Snapshot> {
  const time = Math.max(0, Math.min(Math.round(timeNs), t.model.summary.endNs));
  const c = cacheOf(t.model).snapshots;
  let s = c.get(time);
  if (s) {
    c.delete(time);
  } else {
    s = await snapshotAt(t.model, time, (sink) => scanTraceAsync(t.bytes, sink, t.model.symbols, { signal, onProgress }));
    if (c.size >= SNAPSHOT_CACHE) c.delete(c.keys().next().value!);
  }
  c.set(time, s);
  return s;
}

function stateLabel(state: string, reason: string): string {
  return state === 'Waiting' && reason ? `Waiting (${reason})` : state;
}

export async function traceSnapshot(session: Session, p: SnapshotRequest, onProgress?: ScanProgress): Promise<SnapshotAnswer> {
  const t = traceOf(session, p.file);
  const s = await snapshot(t, p.timeNs, supersede('snapshot', p.file), onProgress);
  interface Acc {
    stack: number;
    count: number;
    states: Record<string, number>;
    starts: Map<string, number>;
    longestNs: number;
    ids: number[];
  }
  const by = new Map<number, Acc>();
  for (const r of s.rows) {
    let a = by.get(r.stack);
    if (!a) by.set(r.stack, (a = { stack: r.stack, count: 0, states: {}, starts: new Map(), longestNs: 0, ids: [] }));
    a.count++;
    const label = stateLabel(r.state, r.reason);
    a.states[label] = (a.states[label] ?? 0) + 1;
    a.starts.set(r.name, (a.starts.get(r.name) ?? 0) + 1);
    a.longestNs = Math.max(a.longestNs, s.timeNs - r.sinceNs);
    if (a.ids.length < 50) a.ids.push(r.id);
  }
  const all = [...by.values()].sort((x, y) => y.count - x.count || x.stack - y.stack);
  const stacks: SnapshotStack[] = all.slice(0, Math.max(0, p.limit)).map((a) => ({
    frames: stackFrames(t.model.symbols, a.stack),
    count: a.count,
    states: a.states,
    startFuncs: [...a.starts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 5).map(([n]) => n),
    longestNs: a.longestNs,
    ids: a.ids,
  }));
  return { timeNs: s.timeNs, total: s.rows.length, countsByState: s.countsByState, stacks, stackCount: all.length };
}

export async function traceSnapshotDelta(session: Session, p: SnapshotDeltaRequest): Promise<SnapshotDeltaAnswer> {
  const t = traceOf(session, p.file);
  const signal = supersede('delta', p.file);
  const a = await snapshot(t, p.aNs, signal);
  const b = await snapshot(t, p.bNs, signal);
  const rows = snapshotDelta(a, b).filter((r) => r.after !== r.before);
  return {
    aNs: a.timeNs,
    bNs: b.timeNs,
    totalA: a.rows.length,
    totalB: b.rows.length,
    rows: rows.slice(0, Math.max(0, p.limit)).map((r) => ({ frames: stackFrames(t.model.symbols, r.stack), before: r.before, after: r.after })),
    rowCount: rows.length,
  };
}

/** The goroutines at an instant as a goroutine profile file (for the flame graph and Compare). */
export async function openSnapshot(session: Session, p: OpenSnapshotRequest): Promise<FileInfo> {
  const t = traceOf(session, p.file);
  const s = await snapshot(t, p.timeNs);
  const key = `${p.file}|snapshot|${s.timeNs}`;
  const existing = registered(session, key);
  if (existing) return existing;
  const name = `goroutines at ${(s.timeNs / 1e9).toFixed(3)} s · ${t.info.name}`;
  return register(session, { key, name, from: t.info.name, kind: { kind: 'pprof', profile: 'goroutine' }, profile: s.profile });
}

// ---------- heap, GC, tasks, regions ----------

/**
 * Keeps at most `points` points of a time series: per time bucket, its first point and
 * its minimum and maximum (in time order), so peaks and dips survive.
 */
export function downsample(timeNs: number[], values: number[], points: number): { timeNs: number[]; values: number[] } {
  const n = timeNs.length;
  if (n <= points || points < 4) return { timeNs: timeNs.slice(), values: values.slice() };
  const buckets = Math.max(1, Math.floor(points / 3));
  const t0 = timeNs[0];
  const span = timeNs[n - 1] - t0 || 1;
  const outT: number[] = [];
  const outV: number[] = [];
  let i = 0;
  for (let b = 0; b < buckets && i < n; b++) {
    const end = t0 + (span * (b + 1)) / buckets;
    const first = i;
    let lo = i;
    let hi = i;
    while (i < n && (timeNs[i] <= end || b === buckets - 1)) {
      if (values[i] < values[lo]) lo = i;
      if (values[i] > values[hi]) hi = i;
      i++;
    }
    const keep = [...new Set([first, lo, hi])].sort((x, y) => x - y);
    for (const k of keep) {
      outT.push(timeNs[k]);
      outV.push(values[k]);
    }
  }
  // The last point shows where the series ends.
  if (outT[outT.length - 1] !== timeNs[n - 1]) {
    outT.push(timeNs[n - 1]);
    outV.push(values[n - 1]);
  }
  return { timeNs: outT, values: outV };
}

export function traceHeap(session: Session, p: TraceHeapRequest): TraceHeapAnswer {
  const { model } = traceOf(session, p.file);
  const h = heapSeries(model);
  const points = Math.max(16, Math.min(20000, Math.floor(p.points)));
  const alloc = downsample(h.heapAlloc.timeNs, h.heapAlloc.bytes, points);
  const goal = downsample(h.heapGoal.timeNs, h.heapGoal.bytes, points);
  return {
    durationNs: model.summary.endNs,
    heapAlloc: { timeNs: alloc.timeNs, bytes: alloc.values },
    heapGoal: { timeNs: goal.timeNs, bytes: goal.values },
    gcs: h.gcs,
    stw: h.stw,
  };
}

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

export function traceTasks(session: Session, p: TraceFileRequest): TraceTasksAnswer {
  const { model } = traceOf(session, p.file);
  return { tasks: taskSummary(model).map(durationStats), regions: regionSummary(model).map(durationStats) };
}
