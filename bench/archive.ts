/**
 * An archive of many pods → grouped file list and pod table, as the worker does it: read
 * the .tar.gz entry by entry, open each entry (kept, as the session keeps it), group by
 * pod and build the pod table. Time from the bytes in memory to the table; peak RSS growth
 * over the process before the archive was read, sampled every 50 ms.
 */
import { readFileSync } from 'node:fs';
import { archiveFormat } from '../src/formats/archive/format';
import { readArchive } from '../src/formats/archive/read';
import { openBytes, type OpenedFile } from '../src/formats/open';
import { groupByPod, type PodFile } from '../src/analysis/pods/group';
import { podTable } from '../src/analysis/pods/table';

export interface ArchiveBench {
  bytes: number;
  entries: number;
  pods: number;
  ms: number;
  peakRssGrowth: number;
  firstPod: string;
}

export async function benchArchive(path: string): Promise<ArchiveBench> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const bytes = new Uint8Array(readFileSync(path));
  const t0 = performance.now();
  const format = archiveFormat(bytes);
  if (!format) throw new Error(`${path} is not an archive`);
  const files: PodFile[] = [];
  const opened = new Map<number, OpenedFile>();
  for await (const e of readArchive(bytes, format)) {
    const id = files.length;
    if ('error' in e) {
      files.push({ id, path: e.path, kind: { kind: 'unknown' }, failed: true });
      continue;
    }
    const f = await openBytes(e.bytes);
    opened.set(id, f);
    files.push({ id, path: e.path, kind: f.kind, timeNanos: f.profile?.timeNanos });
  }
  const pods = groupByPod(files);
  const totals = (id: number) => {
    const p = opened.get(id)?.profile;
    return p && { sampleTypes: p.sampleTypes, defaultSampleType: p.defaultSampleType, totals: p.samples.values.map((c) => c.reduce((a, b) => a + b, 0)) };
  };
  const table = podTable(pods, totals);
  const ms = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  return { bytes: bytes.length, entries: files.length, pods: pods.length, ms, peakRssGrowth: peak - base, firstPod: table.rows[0]?.pod ?? '' };
}
