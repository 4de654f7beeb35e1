/**
 * The timeline's lanes: which exist for a trace, their accessible names, and the runs or
 * points each is drawn from. Keys are short strings the UI keeps in its state:
 *   p:<i>        P lane i (procs.proc[i] is the P id): the goroutine it runs
 *   g:<slot>     goroutine lane: its state
 *   gc, stw      GC cycles and stop-the-world pauses (spans)
 *   tasks, regions   user tasks and regions (runtime/trace; spans)
 *   heap, heapGoal, live, runnable   counters
 *   cpu          CPU samples (ticks)
 */
import { COVER_EXACT, LANE_ABSENT } from '../../../model/timeline';
import type { TimelineModel } from '../../../model/timeline';
import { METRIC_HEAP_ALLOC, METRIC_HEAP_GOAL, type RangeTable, type TraceModel } from '../../../model/trace';
import { shortFuncName } from '../../../model/go-names';
import { LEVEL_MIN_RUNS, coarsen, levelFloorNs, levelFor } from './levels';
import { type PointLane, type RunLane, TileScratch, type TileWindow, type Tiles, emptyTiles, fillPointLane, fillRunLane } from './tiles';

export type LaneKind = 'proc' | 'goroutine' | 'span' | 'counter' | 'ticks';

export interface LaneInfo {
  key: string;
  kind: LaneKind;
  /** Accessible name: "P0", "GC", "Heap", "G 123 main.worker". */
  name: string;
}

/** What the timeline draws from: the trace model and its timeline, with span runs made once. */
export class TimelineSource {
  private readonly spans = new Map<string, SpanRuns>();
  private readonly counters = new Map<string, PointLane>();
  private readonly tables = new Map<SpanKey, RangeTable>();
  /** Names of the task and region spans (their RangeTable rows name no string id). */
  private readonly rangeNames = new Map<SpanKey, string[]>();
  /** Coarser levels of long lanes, by "key#level". */
  private readonly levels = new Map<string, RunLane>();

  constructor(
    readonly model: TraceModel,
    readonly timeline: TimelineModel,
  ) {}

  /** The fixed lanes, P lanes in P id order. */
  fixedLanes(): LaneInfo[] {
    const t = this.timeline;
    const m = this.model;
    const procs = Array.from({ length: t.procs.count }, (_, i) => i).sort((a, b) => t.procs.proc[a] - t.procs.proc[b]);
    const lanes: LaneInfo[] = [];
    if (m.gcs.count > 0) lanes.push({ key: 'gc', kind: 'span', name: 'GC' });
    if (m.stw.count > 0) lanes.push({ key: 'stw', kind: 'span', name: 'STW' });
    if (m.tasks.length > 0) lanes.push({ key: 'tasks', kind: 'span', name: 'Tasks' });
    if (this.spanTable('regions').count > 0) lanes.push({ key: 'regions', kind: 'span', name: 'Regions' });
    if (this.counter('heap').count > 0) lanes.push({ key: 'heap', kind: 'counter', name: 'Heap' });
    lanes.push({ key: 'live', kind: 'counter', name: 'Goroutines' }, { key: 'runnable', kind: 'counter', name: 'Runnable goroutines' });
    if (m.cpuSamples.count > 0) lanes.push({ key: 'cpu', kind: 'ticks', name: 'CPU samples' });
    for (const i of procs) lanes.push({ key: `p:${i}`, kind: 'proc', name: `P${t.procs.proc[i]}` });
    return lanes;
  }

  goroutineLane(slot: number): LaneInfo {
    return { key: `g:${slot}`, kind: 'goroutine', name: this.goroutineName(slot) };
  }

  /** "G 123 main.worker", with the goroutine's trace label when it has one. */
  goroutineName(slot: number): string {
    return goroutineLabel(this.model, slot, this.model.symbols.strings[this.timeline.goroutines.label[slot] ?? 0] ?? '');
  }

  /** The runs a lane is drawn from, or null for point lanes and unknown keys. */
  runLane(key: string): RunLane | null {
    const [kind, arg] = key.split(':');
    const t = this.timeline;
    if (kind === 'p') {
      const i = Number(arg);
      if (!(i >= 0 && i < t.procs.count)) return null;
      const p = t.procs;
      return { time: p.time, value: p.slot, cover: p.cover, lo: p.offset[i], hi: p.offset[i + 1], end: t.endNs, empty: -1, states: false };
    }
    if (kind === 'g') {
      const s = Number(arg);
      const g = t.goroutines;
      if (!(s >= 0 && s < g.count)) return null;
      return { time: g.time, value: g.state, cover: g.cover, lo: g.offset[s], hi: g.offset[s + 1], end: t.endNs, empty: LANE_ABSENT, states: true };
    }
    if (isSpanKey(kind)) {
      const r = this.spanRuns(kind);
      return { time: r.time, value: r.value, cover: r.cover, lo: 0, hi: r.time.length, end: r.end, empty: -1, states: false };
    }
    return null;
  }

  pointLane(key: string): PointLane | null {
    if (key === 'cpu') {
      const c = this.model.cpuSamples;
      return { time: c.timeNs, value: null, count: c.count, end: this.timeline.endNs };
    }
    if (key === 'heap' || key === 'heapGoal' || key === 'live' || key === 'runnable') return this.counter(key);
    return null;
  }

  private counter(key: 'heap' | 'heapGoal' | 'live' | 'runnable'): PointLane {
    let c = this.counters.get(key);
    if (!c) {
      const end = this.timeline.endNs;
      if (key === 'live' || key === 'runnable') {
        const s = key === 'live' ? this.timeline.liveGoroutines : this.timeline.runnableGoroutines;
        c = { time: s.time, value: s.value, count: s.count, end };
      } else {
        c = { ...metricSeries(this.model, key === 'heap' ? METRIC_HEAP_ALLOC : METRIC_HEAP_GOAL), end };
      }
      this.counters.set(key, c);
    }
    return c;
  }

  private spanRuns(key: SpanKey): SpanRuns {
    let r = this.spans.get(key);
    if (!r) {
      r = spanRuns(this.spanTable(key), this.timeline.endNs);
      this.spans.set(key, r);
    }
    return r;
  }

  /** The ranges a span lane draws: GC cycles, pauses, user tasks or regions. */
  private spanTable(key: SpanKey): RangeTable {
    let t = this.tables.get(key);
    if (!t) {
      const m = this.model;
      if (key === 'gc' || key === 'stw') t = key === 'gc' ? m.gcs : m.stw;
      else {
        const items = key === 'tasks' ? m.tasks : m.regions.filter((x) => x.name !== '');
        this.rangeNames.set(key, items.map((x) => x.name));
        t = rangeTableOf(items);
      }
      this.tables.set(key, t);
    }
    return t;
  }

  /** The range of span lane `key` at `t` (the latest begun that covers it), or null. */
  spanAt(key: string, t: number): { name: string; startNs: number; endNs: number } | null {
    if (!isSpanKey(key)) return null;
    const r = this.spanTable(key);
    const end = this.timeline.endNs;
    let found = -1;
    for (let i = 0; i < r.count; i++) {
      const e = Number.isNaN(r.endNs[i]) ? end : r.endNs[i];
      if (r.startNs[i] <= t && t <= e && (found < 0 || r.startNs[i] > r.startNs[found])) found = i;
    }
    if (found < 0) return null;
    const name = this.nameOf(key, r, found);
    return { name, startNs: r.startNs[found], endNs: Number.isNaN(r.endNs[found]) ? end : r.endNs[found] };
  }

  private nameOf(key: SpanKey, r: RangeTable, i: number): string {
    if (key === 'tasks' || key === 'regions') return (this.rangeNames.get(key) ?? [])[i] ?? '';
    return this.model.symbols.strings[r.name[i]] ?? '';
  }

  /** The lane at the level for buckets of `bucketNs`: a long lane seen wide is walked coarse. */
  runLaneFor(key: string, bucketNs: number): RunLane | null {
    const lane = this.runLane(key);
    if (!lane || lane.hi - lane.lo < LEVEL_MIN_RUNS) return lane;
    const floor = this.timeline.floorNs;
    const want = levelFor(floor, bucketNs);
    let at = lane;
    for (let k = 1; k <= want; k++) {
      const id = `${key}#${k}`;
      let next = this.levels.get(id);
      if (!next) {
        next = coarsen(at, levelFloorNs(floor, k));
        this.levels.set(id, next);
      }
      at = next;
      if (at.hi - at.lo < LEVEL_MIN_RUNS) break;
    }
    return at;
  }

  /**
   * Tiles of `keys` for one window; unknown keys stay empty. P and goroutine lanes come
   * from `runs` when given (an exact window of a big trace), the others from here.
   */
  tiles(w: TileWindow, keys: string[], runs: TimelineSource = this): Tiles {
    const out = emptyTiles(w, keys.length);
    const scratch = new TileScratch(w.width);
    const bucketNs = (w.t1 - w.t0) / w.width;
    keys.forEach((key, i) => {
      const run = (key.startsWith('p:') || key.startsWith('g:') ? runs : this).runLaneFor(key, bucketNs);
      if (run) return fillRunLane(out, i, run, scratch);
      const point = this.pointLane(key);
      if (point) fillPointLane(out, i, point);
    });
    return out;
  }
}

/** "G 123 main.worker" (start function shortened, as tables show it), "… [GC (dedicated)]" with a trace label. */
export function goroutineLabel(model: TraceModel, slot: number, traceLabel = ''): string {
  const name = model.symbols.strings[model.goroutines.name[slot]];
  return `G ${model.goroutines.id[slot]}${name ? ` ${shortFuncName(name)}` : ''}${traceLabel ? ` [${traceLabel}]` : ''}`;
}

function metricSeries(model: TraceModel, metric: number): Omit<PointLane, 'end'> {
  const m = model.metrics;
  let n = 0;
  for (let i = 0; i < m.count; i++) if (m.metric[i] === metric) n++;
  const time = new Float64Array(n);
  const value = new Float64Array(n);
  for (let i = 0, j = 0; i < m.count; i++) {
    if (m.metric[i] !== metric) continue;
    time[j] = m.timeNs[i];
    value[j++] = m.value[i];
  }
  return { time, value, count: n };
}

/**
 * Ranges as runs: value = the range's row while inside one, -1 between. Ranges are sorted
 * by start; one that starts inside the previous extends it (nested pauses read as one).
 */
type SpanKey = 'gc' | 'stw' | 'tasks' | 'regions';
const isSpanKey = (k: string): k is SpanKey => k === 'gc' || k === 'stw' || k === 'tasks' || k === 'regions';

/** Tasks or regions as ranges: one that began before the trace starts at 0; one never ended, NaN. */
function rangeTableOf(items: { startNs: number | null; endNs: number | null }[]): RangeTable {
  return {
    count: items.length,
    startNs: Float64Array.from(items, (x) => x.startNs ?? 0),
    endNs: Float64Array.from(items, (x) => x.endNs ?? NaN),
    name: new Int32Array(items.length),
  };
}

interface SpanRuns {
  time: Float64Array;
  value: Int32Array;
  cover: Uint8Array;
  end: number;
}

export function spanRuns(r: RangeTable, end: number): SpanRuns {
  const order = Array.from({ length: r.count }, (_, i) => i).sort((a, b) => r.startNs[a] - r.startNs[b]);
  const time: number[] = [];
  const value: number[] = [];
  let openUntil = -Infinity;
  for (const i of order) {
    const s = r.startNs[i];
    const e = Number.isNaN(r.endNs[i]) ? end : r.endNs[i];
    if (s < openUntil) {
      openUntil = Math.max(openUntil, e);
      time[time.length - 1] = openUntil;
      continue;
    }
    if (time.length > 0 && time[time.length - 1] === s) {
      time.pop();
      value.pop();
    }
    time.push(s, e);
    value.push(i, -1);
    openUntil = e;
  }
  return { time: Float64Array.from(time), value: Int32Array.from(value), cover: new Uint8Array(time.length).fill(COVER_EXACT), end };
}
