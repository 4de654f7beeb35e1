/**
 * Shared by the timeline tests on real traces: a fixture parsed into its TraceModel and
 * TimelineModel (every run exact), and small readers of the timeline's columns written
 * here independently of src/ so the tests compare two computations.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TimelineSource } from '../../../../src/analysis/trace/timeline/lanes';
import { buildTimeline, parseTrace } from '../../../../src/formats/gotrace';
import type { TimelineModel } from '../../../../src/model/timeline';
import type { TraceModel } from '../../../../src/model/trace';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

export const GO126 = 'test/fixtures/traces/v2/go1.26.trace';
/** An execution trace saved as .pprof: 36,112 goroutines on 2 Ps. */
export const INCIDENT2 = 'test/fixtures/incident2/main-1-trace-1732262400.pprof';

export interface Loaded {
  model: TraceModel;
  tl: TimelineModel;
  src: TimelineSource;
}

const loaded = new Map<string, Loaded>();

/** Parsed once per test file (each file runs in its own process). */
export function loadTrace(path: string): Loaded {
  let l = loaded.get(path);
  if (!l) {
    l = load(path);
    loaded.set(path, l);
  }
  return l;
}

function load(path: string): Loaded {
  const bytes = new Uint8Array(readFileSync(join(ROOT, path)));
  const model = parseTrace(bytes);
  const tl = buildTimeline(bytes, model.symbols);
  return { model, tl, src: new TimelineSource(model, tl) };
}

/** One run of a lane, read straight off the CSR columns. */
export interface PlainRun {
  index: number;
  start: number;
  end: number;
  value: number;
}

/** Goroutine slot `s`'s runs (state codes) in time order. */
export function goroutineRuns(tl: TimelineModel, s: number): PlainRun[] {
  const g = tl.goroutines;
  const out: PlainRun[] = [];
  for (let r = g.offset[s]; r < g.offset[s + 1]; r++) {
    out.push({ index: r, start: g.time[r], end: r + 1 < g.offset[s + 1] ? g.time[r + 1] : tl.endNs, value: g.state[r] });
  }
  return out;
}

/** P lane `i`'s runs (goroutine slot, -1 idle) in time order. */
export function procRuns(tl: TimelineModel, i: number): PlainRun[] {
  const p = tl.procs;
  const out: PlainRun[] = [];
  for (let r = p.offset[i]; r < p.offset[i + 1]; r++) {
    out.push({ index: r, start: p.time[r], end: r + 1 < p.offset[i + 1] ? p.time[r + 1] : tl.endNs, value: p.slot[r] });
  }
  return out;
}

/** The run holding time t (start ≤ t < end), by a linear scan; undefined if none. */
export function runHolding(runs: PlainRun[], t: number): PlainRun | undefined {
  return runs.find((r) => r.start <= t && t < r.end);
}
