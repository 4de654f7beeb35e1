/**
 * A window read again from the middle of a trace (from its generation index) says the same
 * as the whole timeline inside the window: what each P ran, and each goroutine's state.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline, buildTimelineWindow, parseTrace } from '../../../../src/formats/gotrace';
import { SlotFinder, inGlobalLanes } from '../../../../src/analysis/trace/timeline/window';
import type { TimelineModel } from '../../../../src/model/timeline';

/** [start, end, value] pieces of lane runs clipped to [a, b], neighbours with one value joined. */
function clipped(time: Float64Array, value: ArrayLike<number>, lo: number, hi: number, end: number, a: number, b: number): number[][] {
  const out: number[][] = [];
  for (let r = lo; r < hi; r++) {
    const s = Math.max(a, time[r]);
    const e = Math.min(b, r + 1 < hi ? time[r + 1] : end);
    if (e <= s) continue;
    const last = out[out.length - 1];
    if (last && last[2] === value[r] && last[1] === s) last[1] = e;
    else out.push([s, e, value[r]]);
  }
  return out;
}

const procPieces = (tl: TimelineModel, i: number, a: number, b: number) =>
  clipped(tl.procs.time, tl.procs.slot, tl.procs.offset[i], tl.procs.offset[i + 1], tl.endNs, a, b).filter((p) => p[2] >= 0);
const goPieces = (tl: TimelineModel, s: number, a: number, b: number) =>
  clipped(tl.goroutines.time, tl.goroutines.state, tl.goroutines.offset[s], tl.goroutines.offset[s + 1], tl.endNs, a, b).filter((p) => p[2] !== 0);

describe.each([
  ['v2 with several generations', 'test/fixtures/traces/v2/go1.26-long.trace'],
  ['v2', 'test/fixtures/traces/v2/go1.26.trace'],
  ['v1 (read from its start)', 'test/fixtures/traces/v1/go1.21-v1.trace'],
])('%s', (_, path) => {
  const bytes = new Uint8Array(readFileSync(path));
  const model = parseTrace(bytes);
  const whole = buildTimeline(bytes, model.symbols);
  const finder = new SlotFinder(model.goroutines);
  const gi = model.summary.generationIndex;

  it.each([0.05, 0.45, 0.8])('window at %f of the trace', async (at) => {
    const a = whole.endNs * at;
    const b = a + whole.endNs / 20;
    const raw = await buildTimelineWindow(bytes, model.symbols, gi, model.summary.clockBaseNs, a, b);
    const win = inGlobalLanes(raw, whole, finder, a);
    // The window's own scan starts at a generation at or before a, never after.
    const g = gi.startNs.filter((t) => t <= a).length - 1;
    if (gi.startNs.length > 0) expect(g).toBeGreaterThanOrEqual(0);
    // Inside the window but after the generation's first instants (statuses settle there).
    const from = Math.max(a, g >= 0 ? gi.startNs[g] + 1 : 0);
    for (let i = 0; i < whole.procs.count; i++) expect(procPieces(win, i, from, b)).toEqual(procPieces(whole, i, from, b));
    let compared = 0;
    for (let s = 0; s < whole.goroutines.count; s++) {
      const want = goPieces(whole, s, from, b);
      if (want.length === 0) continue;
      expect(goPieces(win, s, from, b), `goroutine ${whole.goroutines.id[s]}`).toEqual(want);
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
    // No counters: the whole timeline's are drawn (a window would count only the goroutines its generation mentions).
    expect([raw.liveGoroutines.count, raw.runnableGoroutines.count]).toEqual([0, 0]);
  });

  it('generation index: offsets and starts ascend', () => {
    if (path.includes('v1')) return expect(gi.offset).toEqual([]);
    expect(gi.offset.length).toBe(model.summary.generations);
    for (let i = 1; i < gi.offset.length; i++) {
      expect(gi.offset[i]).toBeGreaterThan(gi.offset[i - 1]);
      expect(gi.startNs[i]).toBeGreaterThanOrEqual(gi.startNs[i - 1]);
    }
    expect(gi.startNs[0]).toBe(0);
  });
});
