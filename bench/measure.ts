/** Small timing helpers shared by the benchmarks: best-of-N wall time, heap growth, renderer memory. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

/** Chromium renderer processes now alive (a page's dedicated workers live in its renderer). */
export function rendererPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes('--type=renderer'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

/** Sum of the resident sizes of `pids` (default: every renderer now), bytes; from /proc, cheap enough to poll. */
export function rendererRss(pids: number[] = rendererPids()): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // the process ended
    }
  }
  return kb * 1024;
}
