/** v1 (Go 1.11–1.21) traces. */
import type { TraceSymbols } from '../../../model/trace';
import type { EventConsumer } from '../events';
import type { ScanOptions, ScanResult, TraceScanner } from '../scan';

export class V1Scanner implements TraceScanner {
  constructor(_buf: Uint8Array, private readonly minor: number, _sink: EventConsumer, _syms: TraceSymbols, _opts: ScanOptions) {}
  run(): boolean {
    throw new Error(`trace format go 1.${this.minor} (Go 1.11–1.21) is not supported yet`);
  }
  progress(): number {
    return 0;
  }
  result(): ScanResult {
    throw new Error('unreachable');
  }
}
