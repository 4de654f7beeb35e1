/**
 * The timeline's lanes (src/analysis/trace/timeline/lanes.ts): spanRuns on hand-built range
 * tables, and TimelineSource on a real Go 1.26 trace: which fixed lanes exist, how keys map
 * to runs and points, and that the runs it serves agree with the model's own columns.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TimelineSource, spanRuns } from '../../../../src/analysis/trace/timeline/lanes';
import { COVER_EXACT, LANE_ABSENT, LANE_RUNNING, LANE_STATE_COUNT } from '../../../../src/model/timeline';
import { METRIC_HEAP_ALLOC, METRIC_HEAP_GOAL, type RangeTable, type TraceModel } from '../../../../src/model/trace';
import { GO126, type Loaded, goroutineRuns, loadTrace, procRuns } from './load';

function ranges(rows: [number, number][]): RangeTable {
  return {
    count: rows.length,
    startNs: Float64Array.from(rows.map((r) => r[0])),
    endNs: Float64Array.from(rows.map((r) => r[1])),
    name: new Int32Array(rows.length),
  };
}

/** spanRuns as [time, value] pairs. */
function pairs(r: RangeTable, end: number): [number, number][] {
  const s = spanRuns(r, end);
  expect(s.time.length).toBe(s.value.length);
  expect(s.cover).toEqual(new Uint8Array(s.time.length).fill(COVER_EXACT));
  expect(s.end).toBe(end);
  return Array.from(s.time, (t, i) => [t, s.value[i]]);
}

describe('spanRuns', () => {
  it('is empty for no ranges', () => {
    expect(pairs(ranges([]), 100)).toEqual([]);
  });

  it('makes one run per range and a gap (-1) after each, in start order whatever the row order', () => {
    // Row 0 = [50,60], row 1 = [10,20].
    expect(pairs(ranges([
      [50, 60],
      [10, 20],
    ]), 100)).toEqual([
      [10, 1],
      [20, -1],
      [50, 0],
      [60, -1],
    ]);
  });

  it('reads a nested range as part of the one around it', () => {
    expect(pairs(ranges([
      [10, 50],
      [20, 30],
    ]), 100)).toEqual([
      [10, 0],
      [50, -1],
    ]);
  });

  it('extends a range by each one that starts inside it, keeping the first row', () => {
    // [10,30] ∪ [20,40] ∪ [35,45] = [10,45].
    expect(pairs(ranges([
      [10, 30],
      [20, 40],
      [35, 45],
    ]), 100)).toEqual([
      [10, 0],
      [45, -1],
    ]);
  });

  it('joins ranges that touch without a gap between them', () => {
    expect(pairs(ranges([
      [10, 20],
      [20, 30],
    ]), 100)).toEqual([
      [10, 0],
      [20, 1],
      [30, -1],
    ]);
    // Touching the end of an extended range: [10,30] ∪ [20,40], then [40,50].
    expect(pairs(ranges([
      [10, 30],
      [20, 40],
      [40, 50],
    ]), 100)).toEqual([
      [10, 0],
      [40, 2],
      [50, -1],
    ]);
  });

  it('ends a range still open at the end of the trace there, and swallows what starts inside it', () => {
    expect(pairs(ranges([[10, NaN]]), 100)).toEqual([
      [10, 0],
      [100, -1],
    ]);
    expect(pairs(ranges([
      [10, NaN],
      [50, 60],
    ]), 100)).toEqual([
      [10, 0],
      [100, -1],
    ]);
    // An open range starting inside a closed one extends it to the end.
    expect(pairs(ranges([
      [10, 30],
      [20, NaN],
    ]), 100)).toEqual([
      [10, 0],
      [100, -1],
    ]);
  });

  it('covers, on the real trace, exactly the union of the GC and STW ranges', () => {
    const { model, tl } = loadTrace(GO126);
    for (const table of [model.gcs, model.stw]) {
      // The union of the ranges, merged independently.
      const iv = Array.from({ length: table.count }, (_, i): [number, number] => [table.startNs[i], Number.isNaN(table.endNs[i]) ? tl.endNs : table.endNs[i]]).sort((a, b) => a[0] - b[0]);
      let union = 0;
      let cs = -Infinity;
      let ce = -Infinity;
      for (const [s, e] of iv) {
        if (s > ce) {
          if (ce > cs) union += ce - cs;
          cs = s;
          ce = e;
        } else ce = Math.max(ce, e);
      }
      if (ce > cs) union += ce - cs;
      const s = spanRuns(table, tl.endNs);
      let inRuns = 0;
      for (let i = 0; i < s.time.length; i++) {
        if (i > 0) expect(s.time[i]).toBeGreaterThanOrEqual(s.time[i - 1]);
        const e = i + 1 < s.time.length ? s.time[i + 1] : s.end;
        if (s.value[i] >= 0) inRuns += e - s.time[i];
      }
      expect(table.count).toBeGreaterThan(0);
      expect(inRuns).toBe(union);
    }
  });
});

describe('TimelineSource on go1.26.trace', () => {
  let t: Loaded;
  let src: TimelineSource;
  beforeAll(() => {
    t = loadTrace(GO126);
    src = t.src;
  });

  it('lists GC, STW, Heap, the goroutine counts, CPU samples and the P lanes named by P id in id order', () => {
    const lanes = src.fixedLanes();
    expect(lanes.map((l) => l.name)).toEqual(['GC', 'STW', 'Tasks', 'Regions', 'Heap', 'Goroutines', 'Runnable goroutines', 'CPU samples', 'P0', 'P1', 'P2', 'P3']);
    expect(lanes.slice(0, 8).map((l) => [l.key, l.kind])).toEqual([
      ['gc', 'span'],
      ['stw', 'span'],
      ['tasks', 'span'],
      ['regions', 'span'],
      ['heap', 'counter'],
      ['live', 'counter'],
      ['runnable', 'counter'],
      ['cpu', 'ticks'],
    ]);
    // Each P lane's key points at the timeline lane of that P id.
    const procLanes = lanes.filter((l) => l.kind === 'proc');
    expect(procLanes).toHaveLength(t.tl.procs.count);
    for (const l of procLanes) {
      expect(l.key).toMatch(/^p:\d+$/);
      expect(`P${t.tl.procs.proc[Number(l.key.slice(2))]}`).toBe(l.name);
    }
    // The timeline numbers Ps by first appearance, not by id: the order really is sorted here.
    expect(Array.from(t.tl.procs.proc)).not.toEqual([0, 1, 2, 3]);
  });

  it('leaves out GC, STW, tasks, regions, Heap and CPU samples when the trace has none', () => {
    const m = t.model;
    const none = (r: RangeTable): RangeTable => ({ ...r, count: 0 });
    const bare: TraceModel = {
      ...m,
      gcs: none(m.gcs),
      stw: none(m.stw),
      tasks: [],
      regions: [],
      metrics: { ...m.metrics, count: 0 },
      cpuSamples: { ...m.cpuSamples, count: 0 },
    };
    const names = new TimelineSource(bare, t.tl).fixedLanes().map((l) => l.name);
    expect(names).toEqual(['Goroutines', 'Runnable goroutines', 'P0', 'P1', 'P2', 'P3']);
    // A heap goal without heap samples is no Heap lane either.
    const keep: number[] = [];
    for (let i = 0; i < m.metrics.count; i++) if (m.metrics.metric[i] === METRIC_HEAP_GOAL) keep.push(i);
    expect(keep.length).toBeGreaterThan(0);
    const goalOnly: TraceModel = {
      ...m,
      metrics: {
        count: keep.length,
        metric: Uint8Array.from(keep, (i) => m.metrics.metric[i]),
        timeNs: Float64Array.from(keep, (i) => m.metrics.timeNs[i]),
        value: Float64Array.from(keep, (i) => m.metrics.value[i]),
      },
    };
    expect(new TimelineSource(goalOnly, t.tl).fixedLanes().map((l) => l.name)).not.toContain('Heap');
    // Only STW: GC is left out, STW kept.
    const stwOnly: TraceModel = { ...m, gcs: none(m.gcs) };
    expect(new TimelineSource(stwOnly, t.tl).fixedLanes().map((l) => l.name).slice(0, 2)).toEqual(['STW', 'Tasks']);
  });

  it('serves each P lane as the P runs of the timeline, idle = -1, ending at the trace end', () => {
    for (let i = 0; i < t.tl.procs.count; i++) {
      const lane = src.runLane(`p:${i}`)!;
      expect(lane).not.toBeNull();
      expect([lane.lo, lane.hi, lane.end, lane.empty, lane.states]).toEqual([t.tl.procs.offset[i], t.tl.procs.offset[i + 1], t.tl.endNs, -1, false]);
      const runs = procRuns(t.tl, i);
      expect(runs.length).toBeGreaterThan(0);
      expect(Array.from(lane.time.subarray(lane.lo, lane.hi))).toEqual(runs.map((r) => r.start));
      expect(Array.from(lane.value as Int32Array).slice(lane.lo, lane.hi)).toEqual(runs.map((r) => r.value));
      // In time order, and what a P runs changes from one run to the next.
      expect(runs.every((r, k) => r.end >= r.start && (k === 0 || r.value !== runs[k - 1].value))).toBe(true);
    }
  });

  it('serves each goroutine lane as its state runs, absent = empty, with state shares', () => {
    const g = t.tl.goroutines;
    for (const s of [0, 5, g.count - 1]) {
      const lane = src.runLane(`g:${s}`)!;
      expect([lane.lo, lane.hi, lane.empty, lane.states, lane.end]).toEqual([g.offset[s], g.offset[s + 1], LANE_ABSENT, true, t.tl.endNs]);
      expect(Array.from(lane.value as Uint8Array).slice(lane.lo, lane.hi)).toEqual(Array.from(g.state.subarray(g.offset[s], g.offset[s + 1])));
    }
    expect(src.goroutineLane(0)).toEqual({ key: 'g:0', kind: 'goroutine', name: 'G 1 main.main' });
  });

  it('gives null for keys that are not run lanes, and for lanes out of range', () => {
    for (const k of ['p:-1', `p:${t.tl.procs.count}`, 'p:x', 'g:-1', `g:${t.tl.goroutines.count}`, 'heap', 'cpu', 'live', 'nope', '']) {
      expect(src.runLane(k), k).toBeNull();
    }
    for (const k of ['p:0', 'g:0', 'gc', 'stw', 'nope']) expect(src.pointLane(k), k).toBeNull();
  });

  it('serves the counters and CPU samples as point lanes', () => {
    const m = t.model;
    const heap = src.pointLane('heap')!;
    let n = 0;
    for (let i = 0; i < m.metrics.count; i++) if (m.metrics.metric[i] === METRIC_HEAP_ALLOC) n++;
    expect(heap.count).toBe(n);
    expect(heap.end).toBe(t.tl.endNs);
    for (let i = 1; i < heap.count; i++) expect(heap.time[i]).toBeGreaterThanOrEqual(heap.time[i - 1]);
    expect(heap.value!.subarray(0, heap.count).every((v) => v > 0)).toBe(true);
    // The same object on the next call (made once).
    expect(src.pointLane('heap')).toBe(heap);
    const live = src.pointLane('live')!;
    expect(live.count).toBe(t.tl.liveGoroutines.count);
    expect(live.value).toBe(t.tl.liveGoroutines.value);
    expect(src.pointLane('runnable')!.count).toBe(t.tl.runnableGoroutines.count);
    const cpu = src.pointLane('cpu')!;
    expect(cpu.value).toBeNull();
    expect(cpu.count).toBe(m.cpuSamples.count);
    expect(cpu.count).toBe(15);
  });

  it('answers tiles for a mix of keys, unknown ones left empty, the same as filling each lane alone', () => {
    const w = { t0: 0, t1: t.tl.endNs, width: 64 };
    const keys = ['p:0', 'nope', 'g:0', 'live', 'cpu', 'gc'];
    const tiles = src.tiles(w, keys);
    expect(tiles.lanes).toBe(keys.length);
    // 'nope': nothing at all.
    expect(Array.from(tiles.dominant.subarray(64, 128)).every((d) => d === -1)).toBe(true);
    expect(Array.from(tiles.high.subarray(64, 128)).every(Number.isNaN)).toBe(true);
    // The P lane over the whole trace: its cover adds up to its busy time (±1/510 per bucket).
    const bw = t.tl.endNs / 64;
    let busy = 0;
    for (const r of procRuns(t.tl, 0)) if (r.value >= 0) busy += r.end - r.start;
    let fromTiles = 0;
    for (let b = 0; b < 64; b++) fromTiles += (tiles.cover[b] / 255) * bw;
    expect(Math.abs(fromTiles - busy)).toBeLessThanOrEqual(64 * bw * (0.5 / 255) + 1e-6);
    // CPU samples: 15 in all.
    let ticks = 0;
    for (let b = 4 * 64; b < 5 * 64; b++) ticks += tiles.high[b] || 0;
    expect(ticks).toBe(15);
    // G 1's lane: the running share adds up to its running time, per state likewise.
    const states = new Array<number>(LANE_STATE_COUNT).fill(0);
    for (const r of goroutineRuns(t.tl, 0)) states[r.value] += r.end - r.start;
    for (let k = 0; k < LANE_STATE_COUNT; k++) {
      let share = 0;
      for (let b = 0; b < 64; b++) share += (tiles.shares[(2 * 64 + b) * LANE_STATE_COUNT + k] / 255) * bw;
      expect(Math.abs(share - states[k]), `state ${k}`).toBeLessThanOrEqual(64 * bw * (0.5 / 255) + 1e-6);
    }
    expect(states[LANE_RUNNING]).toBeGreaterThan(0);
    // Live goroutines: the highest bucket value is the series' maximum.
    const liveMax = Math.max(...Array.from(t.tl.liveGoroutines.value));
    expect(Math.max(...Array.from(tiles.high.subarray(3 * 64, 4 * 64)).filter((x) => !Number.isNaN(x)))).toBe(liveMax);
  });
});
