/**
 * A trace cut short (a download stopped mid-generation) still has a timeline of what was
 * read; the generations before the cut are read whole, so their runs are the whole trace's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTimeline, parseTrace } from '../../../../src/formats/gotrace';
import type { TimelineModel } from '../../../../src/model/timeline';

const procRuns = (t: TimelineModel, i: number, until: number) => {
  const out: number[][] = [];
  for (let r = t.procs.offset[i]; r < t.procs.offset[i + 1]; r++) if (t.procs.time[r] < until) out.push([t.procs.time[r], t.procs.slot[r]]);
  return out;
};

describe('a v2 trace cut in its third generation', () => {
  const whole = new Uint8Array(readFileSync('test/fixtures/traces/v2/go1.26-long.trace'));
  const wholeModel = parseTrace(whole);
  const full = buildTimeline(whole, wholeModel.symbols);
  const gi = wholeModel.summary.generationIndex;
  const cut = whole.subarray(0, gi.offset[2] + 4000);
  const model = parseTrace(cut);
  const tl = buildTimeline(cut, model.symbols);

  it('says where it stopped and keeps what it read', () => {
    expect(model.summary.error).not.toBeNull();
    expect(tl.endNs).toBeGreaterThan(gi.startNs[2]);
    expect(tl.endNs).toBeLessThan(full.endNs);
    expect(tl.goroutines.count).toBe(model.goroutines.count);
  });

  it('has the whole trace’s P runs in the generations before the cut', () => {
    expect(tl.procs.count).toBeGreaterThan(0);
    for (let i = 0; i < tl.procs.count; i++) {
      expect(tl.procs.proc[i]).toBe(full.procs.proc[i]);
      expect(procRuns(tl, i, gi.startNs[2])).toEqual(procRuns(full, i, gi.startNs[2]));
    }
  });
});

it('a v2 trace cut in its only generation shows what was read', () => {
  const whole = new Uint8Array(readFileSync('test/fixtures/traces/v2/go1.22.trace'));
  const cut = whole.subarray(0, Math.floor(whole.length * 0.6));
  const model = parseTrace(cut);
  const tl = buildTimeline(cut, model.symbols);
  expect(model.summary.error).not.toBeNull();
  expect(tl.transitions).toBeGreaterThan(100);
  expect(tl.procs.count).toBeGreaterThan(0);
  expect(tl.goroutines.count).toBe(model.goroutines.count);
});

it('a cut v1 trace has nothing to show, and says why (its clock and stacks are at the end)', () => {
  const whole = new Uint8Array(readFileSync('test/fixtures/traces/v1/go1.21-v1.trace'));
  expect(() => parseTrace(whole.subarray(0, Math.floor(whole.length * 0.6)))).toThrow(/cut short .* nothing before the cut can be shown/);
});
