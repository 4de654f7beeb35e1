/**
 * Go execution traces: `parseTrace` turns the bytes of any supported trace (v2: Go 1.22+,
 * v1: Go 1.11–1.21) into a TraceModel; `scanTrace` streams the ordered events into any
 * TraceEventSink (used for "snapshot at an instant").
 */
import { TraceSymbols, type TraceEventSink, type TraceModel, type TraceWarning } from '../../model/trace';
import { TraceModelBuilder } from './build/builder';
import { ANCIENT_VERSIONS, V1_VERSIONS, V2_VERSIONS, sniffTraceHeader } from './header';
import { scanV1 } from './v1/reader';
import { type ScanOptions, type ScanResult, scanV2 } from './v2/reader';

export { sniffTraceHeader } from './header';
export type { ScanOptions } from './v2/reader';

export interface ParseTraceOptions extends ScanOptions {}

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

/** Streams the events of a trace, in order, into `sink`. */
export function scanTrace(
  bytes: Uint8Array,
  sink: TraceEventSink,
  syms: TraceSymbols = new TraceSymbols(),
  opts: ScanOptions = {},
): ScanResult {
  const v = traceVersion(bytes);
  return v >= 22 ? scanV2(bytes, v, sink, syms, opts) : scanV1(bytes, v, sink, syms, opts);
}

/**
 * Parses a whole trace. Throws on a wrong header, an unsupported version, or when nothing
 * at all could be decoded; a truncated or corrupt tail becomes `summary.error` plus a
 * warning, and everything before it is kept.
 */
export function parseTrace(bytes: Uint8Array, opts: ParseTraceOptions = {}): TraceModel {
  const syms = new TraceSymbols();
  const builder = new TraceModelBuilder(syms);
  const res = scanTrace(bytes, builder, syms, opts);
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
