/**
 * Go execution traces: `parseTrace` turns the bytes of any supported trace (v2: Go 1.22+,
 * v1: Go 1.11–1.21) into a TraceModel; `scanTrace` streams the ordered events into any
 * TraceEventSink (used for "snapshot at an instant"). `parseTraceAsync` does the same work
 * as `parseTrace` in slices, yielding a macrotask between them, so a Web Worker stays
 * responsive and can cancel a parse mid-way.
 */
import { TraceSymbols, type TraceEventSink, type TraceModel, type TraceWarning } from '../../model/trace';
import { TraceModelBuilder } from './build/builder';
import { type EventConsumer, SinkAdapter } from './events';
import { ANCIENT_VERSIONS, V1_VERSIONS, V2_VERSIONS, sniffTraceHeader } from './header';
import { type ScanOptions, type ScanResult, type TraceScanner, cancelledError } from './scan';
import { V1Scanner } from './v1/reader';
import { V2Scanner } from './v2/reader';

export { sniffTraceHeader } from './header';
export { CANCELLED_MESSAGE, isCancelled } from './scan';
export type { ScanOptions, ScanResult } from './scan';

export interface ParseTraceOptions extends ScanOptions {}

export interface ParseTraceAsyncOptions extends ScanOptions {
  /** Work for about this long between yields to the event loop (default 50 ms). */
  yieldEveryMs?: number;
}

/** Checks the header; throws a clear Error when it is not a trace we can read. */
export function traceVersion(bytes: Uint8Array): number {
  const h = sniffTraceHeader(bytes);
  if (!h) throw new Error('not a Go execution trace: the file does not start with a "go 1.N trace" header');
  const v = h.version;
  if (ANCIENT_VERSIONS.includes(v)) {
    throw new Error(`unsupported trace version go 1.${v}: traces from Go 1.5–1.10 are too old (Go 1.11+ is supported)`);
  }
  if (!V1_VERSIONS.includes(v) && !V2_VERSIONS.includes(v)) {
    throw new Error(`unknown or unsupported trace version go 1.${v}`);
  }
  return v;
}

function scanner(bytes: Uint8Array, sink: EventConsumer, syms: TraceSymbols, opts: ScanOptions): TraceScanner {
  const v = traceVersion(bytes);
  return v >= 22 ? new V2Scanner(bytes, v, sink, syms, opts) : new V1Scanner(bytes, v, sink, syms, opts);
}

/** Streams the events of a trace, in order, into `sink`. */
export function scanTrace(
  bytes: Uint8Array,
  sink: TraceEventSink,
  syms: TraceSymbols = new TraceSymbols(),
  opts: ScanOptions = {},
): ScanResult {
  const s = scanner(bytes, new SinkAdapter(sink), syms, opts);
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
  const s = scanner(bytes, new SinkAdapter(sink), syms, opts);
  await runSliced(s, opts);
  return s.result();
}

/**
 * Resolves after a macrotask, so messages queued for the worker (a "cancel") are handled
 * first. A MessageChannel message where there is one: setTimeout(0) is clamped to 4 ms
 * once timers nest, and Chromium may delay it further.
 */
function macrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

async function runSliced(s: TraceScanner, opts: ParseTraceAsyncOptions): Promise<void> {
  const slice = opts.yieldEveryMs ?? 50;
  while (!s.run(performance.now() + slice)) {
    await macrotask();
    if (opts.signal?.aborted) throw cancelledError();
  }
}

/**
 * Parses a whole trace. Throws on a wrong header, an unsupported version, or when nothing
 * at all could be decoded; a truncated or corrupt tail becomes `summary.error` plus a
 * warning, and everything before it is kept. Throws an Error whose message says it was
 * cancelled (see isCancelled) when `signal.aborted` is set.
 */
export function parseTrace(bytes: Uint8Array, opts: ParseTraceOptions = {}): TraceModel {
  const syms = new TraceSymbols();
  const builder = new TraceModelBuilder(syms);
  const s = scanner(bytes, builder, syms, opts);
  s.run(Infinity);
  return buildModel(bytes, builder, s.result());
}

/**
 * parseTrace, cooperatively: works in slices of about `yieldEveryMs` (default 50 ms) and
 * awaits a macrotask (setTimeout 0) between them, so a worker can receive a "cancel"
 * message and set `signal.aborted`; the parse then rejects with the cancelled Error.
 */
export async function parseTraceAsync(bytes: Uint8Array, opts: ParseTraceAsyncOptions = {}): Promise<TraceModel> {
  const syms = new TraceSymbols();
  const builder = new TraceModelBuilder(syms);
  const s = scanner(bytes, builder, syms, opts);
  await runSliced(s, opts);
  return buildModel(bytes, builder, s.result());
}

function buildModel(bytes: Uint8Array, builder: TraceModelBuilder, res: ScanResult): TraceModel {
  const v = traceVersion(bytes);
  const warnings: TraceWarning[] = [...res.warnings];
  if (res.error) {
    if (res.events === 0) throw new Error(`cannot read trace: ${res.error.message}`);
    warnings.push({
      offset: res.error.offset,
      message: `stopped at byte ${res.error.offset} of ${bytes.length}: ${res.error.message}; showing everything before it`,
    });
  }
  if (res.experimentalBatches > 0) {
    warnings.push({ offset: -1, message: `${res.experimentalBatches} experimental batches skipped` });
  }
  const model = builder.build({
    goVersion: `1.${v}`,
    formatMinor: v,
    clockBaseNs: res.clockBaseNs,
    wallClockBaseNs: res.wallClockBaseNs,
    generations: res.generations,
    procs: res.procs,
    warnings,
    error: res.error,
  });
  if (model.summary.experimentalEvents > 0) {
    warnings.push({ offset: -1, message: `${model.summary.experimentalEvents} experimental events skipped` });
  }
  return model;
}
