/**
 * The worker's answers to the trace calls about the whole trace: summary, goroutine
 * analysis, creation over time, heap/GC series, tasks and regions, the totals of the
 * profiles inside it. Snapshots and derived files are in trace-snapshot-handlers.ts.
 */
import {
  blockReasons,
  creationOverTime,
  goroutineGroups,
  heapSeries,
  regionSummary,
  taskSummary,
  TIME_CATEGORIES,
  type TimeCategory,
} from '../analysis/trace';
import { downsample } from '../analysis/trace/downsample';
import { durationStats } from '../analysis/trace/durations';
import { groupSlots, slotsById } from '../analysis/trace/group-slots';
import { derivedTotals } from '../analysis/trace/profile-totals';
import { stackFrames } from '../analysis/trace/stack-frames';
import { pageRows } from '../analysis/paging';
import type { Handlers, RequestContext } from './context';
import type {
  TraceApi,
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
import { traceOf } from './trace-file';

function traceSummary(p: TraceFileRequest, { session }: RequestContext): TraceSummaryAnswer {
  const { model } = traceOf(session, p.file);
  const s = model.summary;
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
    heapPoints: model.metrics.count,
    warnings: s.warnings.map((w) => w.message),
    error: s.error ? `stopped at byte ${s.error.offset}: ${s.error.message}` : null,
  };
}

function traceGroups(p: TraceFileRequest, { session }: RequestContext): TraceGroupsAnswer {
  const { model } = traceOf(session, p.file);
  return { groups: goroutineGroups(model, 'count'), goroutines: model.goroutines.count, durationNs: model.summary.endNs };
}

function traceGoroutines(p: TraceGoroutinesRequest, { session }: RequestContext): TraceGoroutinesAnswer {
  const { model } = traceOf(session, p.file);
  const { memo } = session;
  const slots = memo.get('trace-group-slots', `${p.group}\u0000${p.sort}\u0000${p.descending}`, [model], () =>
    groupSlots(model, p.group, p.sort, p.descending),
  );
  const byId = memo.get('trace-slots-by-id', '', [model], () => slotsById(model), { bytes: (m) => m.size * 40 });
  const g = model.goroutines;
  const strings = model.symbols.strings;
  const rows: TraceGoroutineRow[] = Array.from(pageRows(slots, p.offset, p.limit), (i) => {
    const times = {} as Record<TimeCategory, number>;
    for (const c of TIME_CATEGORIES) times[c] = g[c][i];
    const creator = g.creator[i] < 0 ? null : g.creator[i];
    const cs = creator === null ? undefined : byId.get(creator);
    return {
      id: g.id[i],
      creationNs: g.creationNs[i],
      startNs: Number.isNaN(g.startNs[i]) ? null : g.startNs[i],
      endNs: Number.isNaN(g.endNs[i]) ? null : g.endNs[i],
      creator,
      creatorName: cs === undefined ? null : strings[g.name[cs]] || null,
      times,
      creationStack: stackFrames(model.symbols, g.creationStack[i], 32),
    };
  });
  const reasons = Object.entries(blockReasons(model, p.group))
    .map(([reason, ns]) => ({ reason, ns }))
    .sort((a, b) => b.ns - a.ns);
  return { rows, rowCount: slots.length, blockReasons: reasons };
}

function traceCreation(p: TraceCreationRequest, { session }: RequestContext): TraceCreationAnswer {
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

function traceProfiles(p: TraceProfilesRequest, { session }: RequestContext): TraceProfilesAnswer {
  return { profiles: derivedTotals(traceOf(session, p.file).model, p.group) };
}

function traceHeap(p: TraceHeapRequest, { session }: RequestContext): TraceHeapAnswer {
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

function traceTasks(p: TraceFileRequest, { session }: RequestContext): TraceTasksAnswer {
  const { model } = traceOf(session, p.file);
  return { tasks: taskSummary(model).map(durationStats), regions: regionSummary(model).map(durationStats) };
}

export const traceHandlers = {
  traceSummary,
  traceGroups,
  traceGoroutines,
  traceCreation,
  traceProfiles,
  traceHeap,
  traceTasks,
} satisfies Partial<Handlers<TraceApi>>;
