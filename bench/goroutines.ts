/**
 * Goroutine dump bench: read a debug=2 dump (e.g. 1M goroutines from
 * test/fixtures/gen/incident3/million), parse and group it, and measure.
 * Target: 1M goroutines parsed + grouped in < 5 s, memory < 3× the text size.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseGoroutineText } from '../src/formats/goroutine-text/index';
import { groupByStack, queryGroups, toSnapshot } from '../src/analysis/goroutines/index';

export async function benchGoroutines(
  dumpPath: string,
): Promise<{ bytes: number; ms: number; cpuMs: number; peakHeapBytes: number; goroutines: number; groups: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const buf = await readFile(dumpPath);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  // Memory counts the text itself (held in the worker while parsing) and everything made from it.
  let peak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed + m.arrayBuffers - base.heapUsed - base.arrayBuffers);
  };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const parsed = parseGoroutineText(bytes, sample);
  sample();
  const table = groupByStack(toSnapshot(parsed));
  queryGroups(table, { limit: 200 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  sample();
  return {
    bytes: bytes.length,
    ms: Math.round(ms),
    /** CPU time of this process: steadier than wall time on a busy machine. */
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    peakHeapBytes: peak,
    goroutines: parsed.dump?.count ?? parsed.profile.samples.values[0].reduce((a, b) => a + b, 0),
    groups: table.groups.length,
  };
}

// Run directly: node --expose-gc --import tsx bench/goroutines.ts /tmp/million.txt
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv[2]) {
  const r = await benchGoroutines(process.argv[2]);
  const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`;
  console.log(
    `goroutine dump: ${mb(r.bytes)} text, ${r.goroutines.toLocaleString('en-US')} goroutines, ${r.groups} groups: ` +
      `parsed+grouped in ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s), peak memory ${mb(r.peakHeapBytes)} ` +
      `(${(r.peakHeapBytes / r.bytes).toFixed(2)}× text)`,
  );
}
