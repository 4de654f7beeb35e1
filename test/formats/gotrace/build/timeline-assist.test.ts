/**
 * A goroutine running inside a "GC mark assist" range shows as assisting the GC: only while
 * it runs (the goroutine analysis counts the whole range, blocked parts too, so ours is
 * never more), and only on traces that have assists.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline, parseTrace } from '../../../../src/formats/gotrace';
import { LANE_GC_ASSIST, LANE_RUNNING } from '../../../../src/model/timeline';

describe.each([
  ['go1.26 (v2)', 'test/fixtures/traces/v2/go1.26.trace'],
  ['go1.21 (v1)', 'test/fixtures/traces/v1/go1.21-v1.trace'],
])('%s', (_, path) => {
  const bytes = new Uint8Array(readFileSync(path));
  const model = parseTrace(bytes);
  const tl = buildTimeline(bytes, model.symbols);
  const g = tl.goroutines;
  const runEnd = (s: number, r: number) => (r + 1 < g.offset[s + 1] ? g.time[r + 1] : tl.endNs);

  it('has assists where the trace has assist ranges, each within the analysis’ assist time', () => {
    expect(model.summary.rangeBeginsByName['GC mark assist']).toBeGreaterThan(0);
    let total = 0;
    for (let s = 0; s < g.count; s++) {
      let ns = 0;
      for (let r = g.offset[s]; r < g.offset[s + 1]; r++) if (g.state[r] === LANE_GC_ASSIST) ns += runEnd(s, r) - g.time[r];
      expect(ns).toBeLessThanOrEqual(model.goroutines.gcAssistNs[s] + 1);
      total += ns;
    }
    expect(total).toBeGreaterThan(0);
  });

  it('an assist that ends while running goes back to running', () => {
    let back = 0;
    for (let s = 0; s < g.count; s++) {
      for (let r = g.offset[s] + 1; r < g.offset[s + 1]; r++) {
        if (g.state[r - 1] === LANE_GC_ASSIST && g.state[r] === LANE_RUNNING) back++;
      }
    }
    expect(back).toBeGreaterThan(0);
  });
});
