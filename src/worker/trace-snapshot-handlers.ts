/**
 * The worker's answers to the trace calls that make something new from a trace: the
 * goroutines at an instant (a replay of the trace up to it), the change between two
 * instants, and the profiles inside the trace opened as files of their own.
 */
import { cpuSamplesProfile, derivedProfile, snapshotAt, snapshotDelta, type Snapshot } from '../analysis/trace';
import { derivedName, DERIVED_KIND_LABEL, snapshotName } from '../analysis/trace/derived-names';
import { snapshotStacks } from '../analysis/trace/snapshot-stacks';
import { stackFrames } from '../analysis/trace/stack-frames';
import { pageRows } from '../analysis/paging';
import { derivedInRange, scanTraceAsync } from '../formats/gotrace';
import { memoReplay } from './replay';
import type { FileKind } from '../model/file-kind';
import type { Handlers, RequestContext } from './context';
import { summarize } from './summary';
import type {
  OpenDerivedRequest,
  OpenSnapshotRequest,
  SnapshotAnswer,
  SnapshotDeltaAnswer,
  SnapshotDeltaRequest,
  SnapshotRequest,
  TraceApi,
} from './trace-api';
import { traceOf, type OpenTrace } from './trace-file';
import type { FileInfo } from './types';

/**
 * The goroutines at `timeNs`, replayed in slices so the worker keeps answering; the
 * request's cancel stops the replay. A replay shared with a request that was cancelled
 * is run again for this one.
 */
async function snapshot(t: OpenTrace, timeNs: number, ctx: RequestContext): Promise<Snapshot> {
  const time = Math.max(0, Math.min(Math.round(timeNs), t.model.summary.endNs));
  return memoReplay(
    ctx,
    'snapshot',
    { namespace: 'trace-snapshot', key: String(time), deps: [t.model] },
    (opts) => snapshotAt(t.model, time, (sink) => scanTraceAsync(t.bytes, sink, t.model.symbols, opts)),
    { bytes: (s) => s.rows.length * 120 },
  );
}

async function traceSnapshot(p: SnapshotRequest, ctx: RequestContext): Promise<SnapshotAnswer> {
  const t = traceOf(ctx.session, p.file);
  const s = await snapshot(t, p.timeNs, ctx);
  const all = ctx.session.memo.get('trace-snapshot-stacks', String(s.timeNs), [s], () => snapshotStacks(s), {
    bytes: (g) => g.length * 200,
  });
  const stacks = pageRows(all, 0, p.limit).map(({ stack, ...g }) => ({ ...g, frames: stackFrames(t.model.symbols, stack) }));
  return { timeNs: s.timeNs, total: s.rows.length, countsByState: s.countsByState, stacks, stackCount: all.length };
}

async function traceSnapshotDelta(p: SnapshotDeltaRequest, ctx: RequestContext): Promise<SnapshotDeltaAnswer> {
  const t = traceOf(ctx.session, p.file);
  const a = await snapshot(t, p.aNs, ctx);
  const b = await snapshot(t, p.bNs, ctx);
  const rows = snapshotDelta(a, b).filter((r) => r.after !== r.before);
  return {
    aNs: a.timeNs,
    bNs: b.timeNs,
    totalA: a.rows.length,
    totalB: b.rows.length,
    rows: pageRows(rows, 0, p.limit).map((r) => ({ frames: stackFrames(t.model.symbols, r.stack), before: r.before, after: r.after })),
    rowCount: rows.length,
  };
}

/** The goroutines at an instant as a goroutine profile file (for the flame graph and Compare). */
async function openSnapshot(p: OpenSnapshotRequest, ctx: RequestContext): Promise<FileInfo> {
  const t = traceOf(ctx.session, p.file);
  const s = await snapshot(t, p.timeNs, ctx);
  const key = `snapshot|${s.timeNs}`;
  const existing = ctx.session.derived(p.file, key);
  if (existing) return existing.info;
  const info = { name: snapshotName(t.info.name, s.timeNs), size: 0, kind: { kind: 'pprof', profile: 'goroutine' } as const, warnings: [] };
  return ctx.session.addDerived(p.file, key, { ...info, profile: summarize(s.profile) }, s.profile);
}

/**
 * One profile inside the trace as a file of its own; asking again for the same one
 * returns the file already open. A profile of a time range other than CPU samples needs
 * the trace read again up to the range's end (cancellable, with progress).
 */
async function openDerived(p: OpenDerivedRequest, ctx: RequestContext): Promise<FileInfo> {
  const { session } = ctx;
  const t = traceOf(session, p.file);
  const { model, info } = t;
  const range = p.range && Number.isFinite(p.range.t0) && p.range.t1 > p.range.t0 ? p.range : undefined;
  const key = `${p.kind}|${p.group ?? '\u0000'}|${range ? `${range.t0}-${range.t1}` : ''}`;
  const existing = session.derived(p.file, key);
  if (existing) return existing.info;
  let profile;
  if (p.kind === 'cpu') profile = cpuSamplesProfile(model, p.group, range);
  else if (!range) profile = derivedProfile(model, p.kind, p.group);
  else {
    const derived = await memoReplay(ctx, 'range', { namespace: 'trace-range-derived', key: `${range.t0}-${range.t1}`, deps: [model] }, (opts) =>
      derivedInRange(t.bytes, model.symbols, range.t0, range.t1, opts),
    );
    profile = derivedProfile({ ...model, derived }, p.kind, p.group);
  }
  const kind: FileKind =
    p.kind === 'cpu' ? { kind: 'pprof', profile: 'cpu' } : { kind: 'pprof', profile: p.kind === 'sched' ? 'other' : 'block' };
  const warnings =
    profile.samples.count === 0 ? [`the trace has no ${DERIVED_KIND_LABEL[p.kind]}${p.group !== undefined ? ' for this group' : ''}${range ? ' in this range' : ''}`] : [];
  const name = derivedName(info.name, p.kind, p.group, range);
  return session.addDerived(p.file, key, { name, size: 0, kind, warnings, profile: summarize(profile) }, profile);
}

export const traceSnapshotHandlers = {
  traceSnapshot,
  traceSnapshotDelta,
  openSnapshot,
  openDerived,
} satisfies Partial<Handlers<TraceApi>>;
