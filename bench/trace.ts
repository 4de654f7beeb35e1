/**
 * Trace parse benchmark: throughput and peak memory of parseTrace on one file.
 * Make a big trace with `go run ./test/fixtures/gen/trace-big /tmp/big.trace`.
 * Run: node --expose-gc --import tsx bench/trace.ts /tmp/big.trace
 */
import { readFileSync } from 'node:fs';
import { parseTrace } from '../src/formats/gotrace';

export async function benchTrace(path: string): Promise<{
  bytes: number;
  ms: number;
  mbPerSec: number;
  peakHeapBytes: number;
  events: number;
  goroutines: number;
}> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const bytes = new Uint8Array(readFileSync(path));
  let peak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    // Heap plus array buffers (the file itself and typed-array columns), above the baseline.
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
  };
  const t0 = performance.now();
  const model = parseTrace(bytes, { onProgress: sample });
  const ms = performance.now() - t0;
  sample();
  return {
    bytes: bytes.length,
    ms,
    mbPerSec: bytes.length / 1e6 / (ms / 1000),
    peakHeapBytes: peak,
    events: model.summary.events,
    goroutines: model.summary.goroutines,
  };
}

const isMain = process.argv[1]?.endsWith('bench/trace.ts');
if (isMain) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: bench/trace.ts FILE.trace');
    process.exit(2);
  }
  void benchTrace(path).then((r) => {
    console.log(
      `${(r.bytes / 1e6).toFixed(1)} MB in ${r.ms.toFixed(0)} ms = ${r.mbPerSec.toFixed(1)} MB/s; ` +
        `peak ${(r.peakHeapBytes / 1e6).toFixed(0)} MB (${(r.peakHeapBytes / r.bytes).toFixed(2)}× file); ` +
        `${r.events} events, ${r.goroutines} goroutines`,
    );
  });
}
