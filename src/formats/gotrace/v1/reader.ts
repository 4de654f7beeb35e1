/** v1 (Go 1.11–1.21) traces. */
import type { TraceEventSink, TraceSymbols } from '../../../model/trace';
import type { ScanOptions, ScanResult } from '../v2/reader';

export function scanV1(_buf: Uint8Array, minor: number, _sink: TraceEventSink, _syms: TraceSymbols, _opts: ScanOptions): ScanResult {
  throw new Error(`trace format go 1.${minor} (Go 1.11–1.21) is not supported yet`);
}
