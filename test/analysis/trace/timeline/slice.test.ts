/**
 * The slice under the pointer (src/analysis/trace/timeline/slice.ts) on the real Go 1.26
 * trace: on P lanes the goroutine running there with its goroutine lane's run, on goroutine
 * lanes the run's state and reason, who made a running slice runnable (and on which lane
 * that goroutine was), and the stacks where a slice starts and stops. Expected values are
 * read off the TimelineModel's columns by linear scans (load.ts), not through sliceAt's
 * binary search.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sliceAt } from '../../../../src/analysis/trace/timeline/slice';
import { LANE_BLOCKED_NET, LANE_BLOCKED_SYNC, LANE_RUNNABLE, LANE_RUNNING, LANE_STATE_NAMES, LANE_SYSCALL } from '../../../../src/model/timeline';
import { GO126, type Loaded, type PlainRun, goroutineRuns, loadTrace, procRuns, runHolding } from './load';

describe('sliceAt on go1.26.trace', () => {
  let t: Loaded;
  /** Per goroutine slot, its runs. */
  let gRuns: PlainRun[][];
  beforeAll(() => {
    t = loadTrace(GO126);
    gRuns = Array.from({ length: t.tl.goroutines.count }, (_, s) => goroutineRuns(t.tl, s));
  });

  /** Every `step`-th busy run of each P lane that lasts at least 2 ns. */
  function sampledProcRuns(step: number): { lane: number; run: PlainRun }[] {
    const out: { lane: number; run: PlainRun }[] = [];
    for (let i = 0; i < t.tl.procs.count; i++) {
      const busy = procRuns(t.tl, i).filter((r) => r.value >= 0 && r.end - r.start >= 2);
      for (let k = 0; k < busy.length; k += step) out.push({ lane: i, run: busy[k] });
    }
    return out;
  }

  it('on a P lane inside a running run: that goroutine, running, with its goroutine lane run (= the P run)', () => {
    const sample = sampledProcRuns(97);
    expect(sample.length).toBeGreaterThan(150);
    for (const { lane, run } of sample) {
      for (const at of [run.start, Math.floor((run.start + run.end) / 2), run.end - 1]) {
        const d = sliceAt(t.src, `p:${lane}`, at);
        const ctx = `p:${lane} at ${at}`;
        expect(d, ctx).not.toBeNull();
        const own = runHolding(gRuns[run.value], at)!;
        expect(own.value, ctx).toBe(LANE_RUNNING);
        expect(
          { lane: d!.lane, slot: d!.goroutine.slot, id: d!.goroutine.id, label: d!.goroutine.label, state: d!.state, start: d!.startNs, end: d!.endNs },
          ctx,
        ).toEqual({
          lane: `p:${lane}`,
          slot: run.value,
          id: t.model.goroutines.id[run.value],
          label: t.src.goroutineName(run.value),
          state: 'running',
          start: own.start,
          end: own.end,
        });
        // What the P ran is exactly the goroutine's running run.
        expect([d!.startNs, d!.endNs], ctx).toEqual([run.start, run.end]);
      }
    }
  });

  it('on a P lane: null where the P is idle, before its first run, and for lanes that are not P or goroutine lanes', () => {
    let idle = 0;
    for (let i = 0; i < t.tl.procs.count; i++) {
      const runs = procRuns(t.tl, i);
      for (const r of runs.filter((x) => x.value < 0 && x.end > x.start).slice(0, 50)) {
        expect(sliceAt(t.src, `p:${i}`, r.start), `p:${i} idle at ${r.start}`).toBeNull();
        expect(sliceAt(t.src, `p:${i}`, (r.start + r.end) / 2)).toBeNull();
        idle++;
      }
      if (runs[0].start > 0) expect(sliceAt(t.src, `p:${i}`, runs[0].start - 1)).toBeNull();
    }
    expect(idle).toBeGreaterThan(20);
    for (const key of ['gc', 'stw', 'heap', 'cpu', 'nope', `p:${t.tl.procs.count}`, 'p:-1', `g:${t.tl.goroutines.count}`]) {
      expect(sliceAt(t.src, key, 1_000_000), key).toBeNull();
    }
  });

  it('on a goroutine lane: the run holding t, its state and reason; null before the goroutine appears', () => {
    const syms = t.model.symbols;
    const g = t.tl.goroutines;
    const seen = new Set<string>();
    for (let s = 0; s < g.count; s += 3) {
      const runs = gRuns[s];
      expect(sliceAt(t.src, `g:${s}`, runs[0].start - 1)).toBeNull();
      for (const r of runs.filter((x) => x.end > x.start).slice(0, 40)) {
        const d = sliceAt(t.src, `g:${s}`, r.start + (r.end - r.start) / 3);
        // Where the lane shows nothing (the goroutine has exited) there is no slice.
        if (LANE_STATE_NAMES[r.value] === 'absent') {
          expect(d).toBeNull();
          continue;
        }
        if (!d) throw new Error(`no slice in run ${r.index} of slot ${s}`);
        expect({ slot: d.goroutine.slot, state: d.state, start: d.startNs, end: d.endNs, reason: d.reason }).toEqual({
          slot: s,
          state: LANE_STATE_NAMES[r.value],
          start: r.start,
          end: r.end,
          reason: syms.strings[g.reason[r.index]] ?? '',
        });
        seen.add(d.state);
        // The lane state says what the reason says.
        if (r.value === LANE_BLOCKED_NET) expect(d.reason).toBe('network');
        if (r.value === LANE_BLOCKED_SYNC) expect(d.reason).toMatch(/chan|sync|select/);
      }
    }
    expect([...seen].sort()).toEqual(
      ['running', 'runnable', 'syscall', 'blocked (sync)', 'blocked (network)', 'blocked (other)', 'GC assist'].sort(),
    );
  });

  // Slot 6 (G 32 main.main.func3.1) exits before the trace ends: its lane shows nothing after.
  it('on a goroutine lane: null after the goroutine has exited', () => {
    const runs = gRuns[6];
    const last = runs[runs.length - 1];
    expect(LANE_STATE_NAMES[last.value]).toBe('absent');
    expect(last.end - last.start).toBeGreaterThan(1000);
    expect(sliceAt(t.src, 'g:6', (last.start + last.end) / 2)).toBeNull();
  });

  it('says who made a running slice runnable: the runnable run before it and its unblocker (by)', () => {
    const g = t.tl.goroutines;
    let withBy = 0;
    let onProc = 0;
    let checked = 0;
    for (let s = 0; s < g.count; s++) {
      const runs = gRuns[s];
      for (let k = 1; k < runs.length && k < 300; k++) {
        const [prev, cur] = [runs[k - 1], runs[k]];
        if (cur.value !== LANE_RUNNING || prev.value !== LANE_RUNNABLE || cur.end <= cur.start) continue;
        const d = sliceAt(t.src, `g:${s}`, cur.start)!;
        checked++;
        expect(d.state).toBe('running');
        expect(d.madeRunnable).not.toBeNull();
        const m = d.madeRunnable!;
        expect(m.atNs).toBe(prev.start);
        const by = g.by[prev.index];
        if (by < 0) {
          expect(m.by).toBeNull();
          expect(m.byLane).toBeNull();
          continue;
        }
        withBy++;
        expect(m.by).toEqual({
          slot: by,
          id: t.model.goroutines.id[by],
          label: t.src.goroutineName(by),
          startFunc: t.model.symbols.strings[t.model.goroutines.name[by]],
        });
        // The same answer from the runnable slice itself.
        expect(sliceAt(t.src, `g:${s}`, prev.start)!.madeRunnable).toEqual(m);
        // byLane: a P lane on which `by` was running at that instant (or had just stopped), else by's own lane.
        const lane = m.byLane!;
        if (lane.startsWith('p:')) {
          onProc++;
          const pr = procRuns(t.tl, Number(lane.slice(2)));
          expect(pr.some((r) => r.value === by && r.start <= m.atNs && (m.atNs < r.end || m.atNs === r.end)), `${lane} at ${m.atNs}`).toBe(true);
        } else {
          expect(lane).toBe(`g:${by}`);
          for (let i = 0; i < t.tl.procs.count; i++) {
            expect(procRuns(t.tl, i).some((r) => r.value === by && r.start <= m.atNs && m.atNs <= r.end)).toBe(false);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(withBy).toBeGreaterThan(100);
    expect(onProc).toBeGreaterThan(100);
  });

  it('has no madeRunnable for a running slice that follows a syscall (no runnable run before it)', () => {
    // G 1 (slot 0) goes running → syscall → running.
    const runs = gRuns[0];
    const k = runs.findIndex((r, i) => i > 0 && r.value === LANE_RUNNING && runs[i - 1].value === LANE_SYSCALL && r.end > r.start);
    expect(k).toBeGreaterThan(0);
    const d = sliceAt(t.src, 'g:0', runs[k].start)!;
    expect(d.state).toBe('running');
    expect(d.madeRunnable).toBeNull();
  });

  it('starts a resumed running slice at the stack where the goroutine stopped, and ends a slice where the next one starts', () => {
    const g = t.tl.goroutines;
    let resumed = 0;
    for (let s = 0; s < g.count; s++) {
      const runs = gRuns[s];
      for (let k = 3; k < runs.length && k < 200; k++) {
        const [a, b, c, d] = [runs[k - 3], runs[k - 2], runs[k - 1], runs[k]];
        // running → blocked → runnable → running, each lasting some time.
        const blocked = b.value === LANE_BLOCKED_SYNC || b.value === LANE_BLOCKED_NET;
        if (a.value !== LANE_RUNNING || !blocked || c.value !== LANE_RUNNABLE || d.value !== LANE_RUNNING) continue;
        if ([a, b, c, d].some((r) => r.end <= r.start)) continue;
        const sa = sliceAt(t.src, `g:${s}`, a.start)!;
        const sb = sliceAt(t.src, `g:${s}`, b.start)!;
        const sd = sliceAt(t.src, `g:${s}`, d.start)!;
        expect(sa.endStack.length).toBeGreaterThan(0);
        // Where it stopped running is where it blocked, and where it resumed.
        expect(sb.startStack).toEqual(sa.endStack);
        expect(sd.startStack).toEqual(sa.endStack);
        resumed++;
      }
    }
    expect(resumed).toBeGreaterThan(50);
  });

  it('has no end stack for the last run of a lane', () => {
    const runs = gRuns[0];
    const last = runs[runs.length - 1];
    expect(last.end).toBe(t.tl.endNs);
    const d = sliceAt(t.src, 'g:0', last.start)!;
    expect(d.endNs).toBe(t.tl.endNs);
    expect(d.endStack).toEqual([]);
  });
});
