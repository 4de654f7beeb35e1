/** The worker's answers to the timeline calls (timeline-api.ts). */
import { goroutineLaneSlots } from '../analysis/trace/timeline/goroutine-lanes';
import { TimelineSource } from '../analysis/trace/timeline/lanes';
import { rangeGroups } from '../analysis/trace/timeline/range-groups';
import { sliceAt } from '../analysis/trace/timeline/slice';
import { MAX_PAGE_ROWS, pageRows } from '../analysis/paging';
import { buildTimelineAsync, timelineFloorNs } from '../formats/gotrace';
import { memoReplay } from './replay';
import type { Handlers, RequestContext } from './context';
import type {
  TimelineApi,
  TimelineInfo,
  TimelineLanesAnswer,
  TimelineLanesRequest,
  TimelineOpenRequest,
  TimelineRangeAnswer,
  TimelineRangeRequest,
  TimelineSliceRequest,
  TimelineTilesRequest,
  TilesAnswer,
  SliceDetail,
  SpanAnswer,
} from './timeline-api';
import { TimelineWindows } from './timeline-windows';
import { traceOf } from './trace-file';

/** Most buckets a tile answer has across: a 4K screen at 2× is 7680 device pixels. */
const MAX_WIDTH = 8192;
const MAX_LANES = 2000;

/** The file's timeline: built along the load, or else once by a second scan in slices (see replay.ts). */
async function source(file: number, ctx: RequestContext): Promise<TimelineSource> {
  const t = traceOf(ctx.session, file);
  const timeline =
    t.model.timeline ??
    (await memoReplay(ctx, 'timeline', { namespace: 'timeline', key: '', deps: [t.model] }, (opts) =>
      buildTimelineAsync(t.bytes, t.model.symbols, timelineFloorNs(t.bytes.length, t.model.summary.endNs), {
        ...opts,
        goroutines: t.model.goroutines.count,
        procs: t.model.summary.procs,
      }),
    ));
  return ctx.session.memo.get('timeline-source', '', [timeline], () => new TimelineSource(t.model, timeline), { bytes: () => 0 });
}

async function timelineOpen(p: TimelineOpenRequest, ctx: RequestContext): Promise<TimelineInfo> {
  const src = await source(p.file, ctx);
  const tl = src.timeline;
  const slotName = src.model.goroutines.name.slice(0, tl.goroutines.count);
  ctx.transfer(slotName.buffer);
  return {
    endNs: tl.endNs,
    lanes: src.fixedLanes(),
    goroutines: tl.goroutines.count,
    slotName,
    gcWorkerName: src.model.symbols.strings.indexOf('runtime.gcBgMarkWorker'),
  };
}

async function timelineLanes(p: TimelineLanesRequest, ctx: RequestContext): Promise<TimelineLanesAnswer> {
  const src = await source(p.file, ctx);
  let filter: RegExp | null = null;
  try {
    filter = p.filter ? new RegExp(p.filter) : null;
  } catch {
    throw new Error(`invalid goroutine filter: ${p.filter}`);
  }
  const slots = ctx.session.memo.get('timeline-goroutine-lanes', `${p.sort}\u0000${p.filter}`, [src.model], () =>
    goroutineLaneSlots(src.model, filter, p.sort, src.timeline.goroutines.label),
  );
  const offset = Math.max(0, Math.min(slots.length, Math.floor(p.offset) || 0));
  return { offset, lanes: Array.from(pageRows(slots, offset, p.limit), (s) => src.goroutineLane(s)), total: slots.length };
}

function windowsOf(file: number, src: TimelineSource, ctx: RequestContext): TimelineWindows {
  const { bytes } = traceOf(ctx.session, file);
  return ctx.session.memo.get('timeline-windows', '', [src.timeline], () => new TimelineWindows(src, bytes), { bytes: (w) => w.heldBytes() });
}

/**
 * A big trace's view finer than its floor is drawn from an exact window read again from
 * the trace: until it is read, the answer is the merged runs, marked pending.
 */
async function timelineTiles(p: TimelineTilesRequest, ctx: RequestContext): Promise<TilesAnswer> {
  const src = await source(p.file, ctx);
  const width = Math.max(1, Math.min(MAX_WIDTH, Math.floor(p.width) || 1));
  const t0 = Number.isFinite(p.t0) ? p.t0 : 0;
  const t1 = Number.isFinite(p.t1) && p.t1 > t0 ? p.t1 : t0 + 1;
  let runs = src;
  let pending = false;
  if (src.timeline.floorNs > 0 && (t1 - t0) / width < src.timeline.floorNs) {
    const windows = windowsOf(p.file, src, ctx);
    const win = windows.ready(t0, t1);
    if (win) runs = win;
    else {
      pending = true;
      windows.read(t0, t1).catch(() => {});
    }
  }
  const tiles = src.tiles({ t0, t1, width }, p.lanes.slice(0, MAX_LANES), runs);
  ctx.transfer(tiles.dominant.buffer, tiles.cover.buffer, tiles.merged.buffer, tiles.shares.buffer, tiles.low.buffer, tiles.high.buffer);
  return { ...tiles, pending };
}

async function timelineSlice(p: TimelineSliceRequest, ctx: RequestContext): Promise<SliceDetail | null> {
  const src = await source(p.file, ctx);
  if (!p.detail || src.timeline.floorNs === 0) return sliceAt(src, p.lane, p.timeNs);
  const floor = src.timeline.floorNs;
  const win = await windowsOf(p.file, src, ctx).read(p.timeNs - floor, p.timeNs + floor, (done, total) => ctx.progress('window', done, total));
  return sliceAt(win, p.lane, p.timeNs);
}

async function timelineSpan(p: Omit<TimelineSliceRequest, 'detail'>, ctx: RequestContext): Promise<SpanAnswer | null> {
  return (await source(p.file, ctx)).spanAt(p.lane, p.timeNs);
}

/** Groups are few (one per start function): the answer is whole, at most MAX_PAGE_ROWS. */
async function timelineRange(p: TimelineRangeRequest, ctx: RequestContext): Promise<TimelineRangeAnswer> {
  const src = await source(p.file, ctx);
  const t0 = Math.max(0, Number.isFinite(p.t0) ? p.t0 : 0);
  const t1 = Math.min(src.timeline.endNs, Number.isFinite(p.t1) ? p.t1 : src.timeline.endNs);
  const groups = ctx.session.memo.get('timeline-range', `${t0}-${t1}`, [src.timeline], () => rangeGroups(src.model, src.timeline, t0, t1), {
    bytes: (g) => g.length * 200,
  });
  return { t0, t1, goroutines: groups.reduce((n, g) => n + g.count, 0), groups: pageRows(groups, 0, MAX_PAGE_ROWS) };
}

export const timelineHandlers = {
  timelineOpen,
  timelineLanes,
  timelineTiles,
  timelineSlice,
  timelineSpan,
  timelineRange,
} satisfies Handlers<TimelineApi>;
