/**
 * An archive of many pods → grouped file list and pod table, as the worker does it (the
 * work itself in archive-run.ts, bundled). Time from the bytes in memory to the table;
 * peak RSS growth over the process before the archive was read, sampled every 50 ms.
 */
import { readFileSync } from 'node:fs';
import { importBundled } from './bundle';

export interface ArchiveBench {
  bytes: number;
  entries: number;
  pods: number;
  ms: number;
  peakRssGrowth: number;
  firstPod: string;
}

export async function benchArchive(path: string): Promise<ArchiveBench> {
  const { groupArchive } = await importBundled<typeof import('./archive-run')>('bench/archive-run.ts', 'archive-run');
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const file = readFileSync(path);
  // A file this large has a buffer of its own: handed over whole, as the page transfers it.
  const bytes = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength ? file.buffer : new Uint8Array(file).buffer;
  const t0 = performance.now();
  const r = await groupArchive(bytes as ArrayBuffer);
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  return { bytes: bytes.byteLength, ...r, ms, peakRssGrowth: peak - base };
}
