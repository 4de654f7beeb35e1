/** Small timing helpers shared by the benchmarks: best-of-N wall time and heap growth. */

export interface Timing {
  ms: number;
  /** JS heap growth while running, bytes (after a forced GC when available). */
  heapBytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export async function timeIt<T>(runs: number, fn: () => T | Promise<T>): Promise<Timing & { result: T }> {
  let best = Infinity;
  let heap = 0;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    result = await fn();
    const ms = performance.now() - t0;
    heap = Math.max(heap, process.memoryUsage().heapUsed - before);
    best = Math.min(best, ms);
  }
  return { ms: best, heapBytes: heap, result };
}

export const mb = (bytes: number) => bytes / (1 << 20);

export function row(name: string, ms: number, bytes: number, extra = ''): string {
  const rate = mb(bytes) / (ms / 1000);
  return `  ${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ms  ${rate.toFixed(1).padStart(8)} MB/s  ${extra}`;
}
