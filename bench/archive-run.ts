/**
 * The archive bench's measured work, bundled for Node (bench/bundle.ts) as the app's build
 * bundles it: read the archive entry by entry, open each entry (kept, as the session keeps
 * it), group by pod, build the pod table. Returns what the table puts first.
 */
import { archiveFormat } from '../src/formats/archive/format';
import { readArchive } from '../src/formats/archive/read';
import { openBytes, type OpenedFile } from '../src/formats/open';
import { groupByPod, type PodFile } from '../src/analysis/pods/group';
import { podTable } from '../src/analysis/pods/table';

export async function groupArchive(bytes: Uint8Array): Promise<{ entries: number; pods: number; firstPod: string }> {
  const format = archiveFormat(bytes);
  if (!format) throw new Error('not an archive');
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
  return { entries: files.length, pods: pods.length, firstPod: podTable(pods, totals).rows[0]?.pod ?? '' };
}
