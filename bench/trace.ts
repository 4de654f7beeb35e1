/**
 * Trace parse benchmark: throughput and peak memory of parseTrace on one file, next to a
 * bare byte scan of the same bytes measured in the same run (the machine is often shared,
 * so the scan says how fast it is right now). Runs are repeated and the best is reported.
 * Make a big trace with `go run ./test/fixtures/gen/trace-big /tmp/big.trace`.
 * Run: node --expose-gc --import tsx bench/trace.ts /tmp/big.trace [runs]
 */
import { readFileSync } from 'node:fs';
import { parseTrace, parseTraceAsync } from '../src/formats/gotrace';

export interface TraceBench {
  bytes: number;
  /** Best wall time of the blocking parse. */
  ms: number;
  mbPerSec: number;
  /** Best throughput of parseTraceAsync (50 ms slices, macrotask between them). */
  asyncMbPerSec: number;
  /** A loop over every byte (counts varint terminators), MB/s, best of the run. */
  byteScanMbPerSec: number;
  /** Peak of heap + array buffers above the baseline, including the file itself. */
  peakHeapBytes: number;
  events: number;
  goroutines: number;
}

function byteScan(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] < 0x80) n++;
  return n;
}

export async function benchTrace(path: string, runs = 3): Promise<TraceBench> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const bytes = new Uint8Array(readFileSync(path));
  const mb = bytes.length / 1e6;
  let peak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    // Heap plus array buffers (the file itself and typed-array columns), above the baseline.
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
  };
  let best = Infinity;
  let bestAsync = Infinity;
  let scan = Infinity;
  let events = 0;
  let goroutines = 0;
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      byteScan(bytes);
      scan = Math.min(scan, performance.now() - t);
    }
    gc?.();
    let t0 = performance.now();
    let model = parseTrace(bytes, { onProgress: sample });
    best = Math.min(best, performance.now() - t0);
    sample();
    events = model.summary.events;
    goroutines = model.summary.goroutines;
    model = undefined as never;
    gc?.();
    t0 = performance.now();
    model = await parseTraceAsync(bytes, { onProgress: sample });
    bestAsync = Math.min(bestAsync, performance.now() - t0);
    sample();
    model = undefined as never;
  }
  return {
    bytes: bytes.length,
    ms: best,
    mbPerSec: mb / (best / 1000),
    asyncMbPerSec: mb / (bestAsync / 1000),
    byteScanMbPerSec: mb / (scan / 1000),
    peakHeapBytes: peak,
    events,
    goroutines,
  };
}

const isMain = process.argv[1]?.endsWith('bench/trace.ts');
if (isMain) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: bench/trace.ts FILE.trace [runs]');
    process.exit(2);
  }
  void benchTrace(path, Number(process.argv[3] ?? 3)).then((r) => {
    console.log(
      `${(r.bytes / 1e6).toFixed(1)} MB: best ${r.ms.toFixed(0)} ms = ${r.mbPerSec.toFixed(1)} MB/s ` +
        `(async ${r.asyncMbPerSec.toFixed(1)} MB/s; bare byte scan ${r.byteScanMbPerSec.toFixed(0)} MB/s in the same run); ` +
        `peak ${(r.peakHeapBytes / 1e6).toFixed(0)} MB (${(r.peakHeapBytes / r.bytes).toFixed(2)}× file, file included); ` +
        `${r.events} events, ${r.goroutines} goroutines`,
    );
  });
}
