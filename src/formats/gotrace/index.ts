/**
 * Go execution traces: `parseTrace` turns the bytes of any supported trace (v2: Go 1.22+,
 * v1: Go 1.11–1.21) into a TraceModel; `scanTrace` streams the ordered events into any
 * TraceEventSink (used for "snapshot at an instant"). `parseTraceAsync` does the same work
 * as `parseTrace` in slices, yielding a macrotask between them, so a Web Worker stays
 * responsive and can cancel a parse mid-way. `parseTracePiped` (pipe/) splits the work
 * between two threads.
 */
import { TraceSymbols, type DerivedRecords, type TraceEventSink, type TraceModel } from '../../model/trace';
import { type TimelineModel, shiftTimeline } from '../../model/timeline';
import { TraceModelBuilder, modelFromScan } from './build/builder';
import { TimelineBuilder } from './build/timeline-builder';
import { type EventConsumer, type EventRows, SinkAdapter } from './events';
import { traceVersion } from './header';
import { loadTimelineFloor } from './timeline-plan';
import type { GenerationIndex, ScanOptions, ScanResult } from './scan';
import { type SliceOptions, createScanner, runSliced } from './scanner';

export { sniffTraceHeader } from './header';
export { CANCELLED_MESSAGE, isCancelled } from './scan';
export type { ScanOptions, ScanResult } from './scan';
export { parseTracePiped, ReaderUnavailableError } from './pipe/builder-side';
export { timelineFloorNs } from './build/timeline-floor';
export { loadTimelineFloor } from './timeline-plan';

export interface ParseTraceOptions extends ScanOptions {
  /** Build the timeline along (TraceModel.timeline), where its floor can be told up front. */
  timeline?: boolean;
}

export interface ParseTraceAsyncOptions extends ParseTraceOptions, SliceOptions {}

/** Streams the events of a trace, in order, into `sink`. */
export function scanTrace(
  bytes: Uint8Array,
  sink: TraceEventSink,
  syms: TraceSymbols = new TraceSymbols(),
  opts: ScanOptions = {},
): ScanResult {
  const s = createScanner(bytes, new SinkAdapter(sink), syms, opts);
  s.run(Infinity);
  return s.result();
}

/** scanTrace in slices of about `yieldEveryMs`, awaiting a macrotask between them. */
export async function scanTraceAsync(
  bytes: Uint8Array,
  sink: TraceEventSink,
  syms: TraceSymbols = new TraceSymbols(),
  opts: ParseTraceAsyncOptions = {},
): Promise<ScanResult> {
  const s = createScanner(bytes, new SinkAdapter(sink), syms, opts);
  await runSliced(s, opts);
  return s.result();
}

/**
 * Parses a whole trace. Throws on a wrong header, an unsupported version, or when nothing
 * at all could be decoded; a truncated or corrupt tail becomes `summary.error` plus a
 * warning, and everything before it is kept. Throws an Error whose message says it was
 * cancelled (see isCancelled) when `signal.aborted` is set.
 */
export function parseTrace(bytes: Uint8Array, opts: ParseTraceOptions = {}): TraceModel {
  const syms = new TraceSymbols();
  const load = new ModelLoad(syms, bytes, opts);
  const s = createScanner(bytes, load, syms, opts);
  s.run(Infinity);
  return load.model(s.result());
}

/**
 * parseTrace, cooperatively: works in slices of about `yieldEveryMs` (default 50 ms) and
 * awaits a macrotask between them, so a worker can receive a "cancel" message and set
 * `signal.aborted`; the parse then rejects with the cancelled Error.
 */
export async function parseTraceAsync(bytes: Uint8Array, opts: ParseTraceAsyncOptions = {}): Promise<TraceModel> {
  const syms = new TraceSymbols();
  const load = new ModelLoad(syms, bytes, opts);
  const s = createScanner(bytes, load, syms, opts);
  await runSliced(s, opts);
  return load.model(s.result());
}

/** The model builder, and the timeline builder beside it when asked for (both on this thread). */
class ModelLoad implements EventConsumer {
  private readonly builder: TraceModelBuilder;
  private readonly timeline: TimelineBuilder | null = null;

  constructor(
    syms: TraceSymbols,
    private readonly bytes: Uint8Array,
    opts: ParseTraceOptions,
  ) {
    this.builder = new TraceModelBuilder(syms);
    const floorNs = opts.timeline ? loadTimelineFloor(bytes) : undefined;
    if (floorNs !== undefined) this.timeline = new TimelineBuilder(syms, { floorNs });
  }

  consume(ev: EventRows, n: number): void {
    this.builder.consume(ev, n);
    this.timeline?.consume(ev, n);
  }

  model(res: ScanResult): TraceModel {
    const model = modelFromScan(this.builder, res, traceVersion(this.bytes), this.bytes.length);
    model.timeline = this.timeline?.build() ?? null;
    return model;
  }
}

/**
 * The profiles derived from a trace (sync, network, syscall, scheduler latency) counting
 * only the time inside [t0, t1): the trace scanned again (an interval crossing t1 counts
 * once it ends), interning into the model's `syms` so stacks and names keep their ids.
 */
export async function derivedInRange(bytes: Uint8Array, syms: TraceSymbols, t0: number, t1: number, opts: ParseTraceAsyncOptions = {}): Promise<DerivedRecords> {
  const builder = new TraceModelBuilder(syms, { t0, t1 });
  const s = createScanner(bytes, builder, syms, opts);
  await runSliced(s, opts);
  return modelFromScan(builder, s.result(), traceVersion(bytes), bytes.length).derived;
}

/** How many goroutines and Ps the model counted: the timeline sizes its lane state once. */
export interface LaneHints {
  goroutines?: number;
  procs?: number;
}

/**
 * The timeline of a trace already parsed into a model without one (see TraceModel.timeline):
 * a second scan that interns into the model's `syms` (finding every string and stack
 * already there, so ids agree with it). Runs shorter than `floorNs` are merged per lane
 * (0: every run exact).
 */
export function buildTimeline(bytes: Uint8Array, syms: TraceSymbols, floorNs = 0, opts: ScanOptions & LaneHints = {}): TimelineModel {
  const builder = new TimelineBuilder(syms, { floorNs, goroutines: opts.goroutines, procs: opts.procs });
  createScanner(bytes, builder, syms, opts).run(Infinity);
  return builder.build();
}

/** buildTimeline in slices, like parseTraceAsync (cancellable, with progress). */
export async function buildTimelineAsync(
  bytes: Uint8Array,
  syms: TraceSymbols,
  floorNs: number,
  opts: ParseTraceAsyncOptions & LaneHints = {},
): Promise<TimelineModel> {
  const builder = new TimelineBuilder(syms, { floorNs, goroutines: opts.goroutines, procs: opts.procs });
  await runSliced(createScanner(bytes, builder, syms, opts), opts);
  return builder.build();
}

/**
 * Every run of [fromNs, toNs] (relative ns of the whole trace), read again from the trace:
 * from the last generation that starts at or before `fromNs` (v2; a v1 trace from its start)
 * until past `toNs`. Lanes are the window's own goroutines and Ps (see goroutines.id and
 * procs.proc); times are the whole trace's.
 */
export async function buildTimelineWindow(
  bytes: Uint8Array,
  syms: TraceSymbols,
  index: GenerationIndex,
  clockBaseNs: number,
  fromNs: number,
  toNs: number,
  opts: ParseTraceAsyncOptions = {},
): Promise<TimelineModel> {
  let g = -1;
  for (let i = 0; i < index.startNs.length; i++) if (index.startNs[i] <= fromNs) g = i;
  // The window's scan counts time from its first generation; shift it to the whole trace's.
  const shift = g >= 0 ? index.startNs[g] : 0;
  const builder = new TimelineBuilder(syms, { from: fromNs - shift, to: toNs - shift });
  const s = createScanner(bytes, builder, syms, { ...opts, startOffset: g >= 0 ? index.offset[g] : undefined });
  await runSliced(s, opts);
  const tl = builder.build();
  const delta = s.result().clockBaseNs - clockBaseNs;
  if (delta !== 0) shiftTimeline(tl, delta);
  return tl;
}
