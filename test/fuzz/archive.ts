/**
 * The property for an archive, read as the worker reads one: readArchive gives every
 * entry (within the archive limits) either as bytes, which must then keep the property of
 * any file, or with a reason; a refusal of the whole archive is a ParseError with a
 * message and an offset within the archive, never a bug's. What was read is grouped by pod
 * and put in the pod table, whose every cell must be a readable entry's finite total.
 */
import { groupByPod, type PodFile } from '../../src/analysis/pods/group';
import { podTable } from '../../src/analysis/pods/table';
import { readArchive } from '../../src/formats/archive/read';
import { DEFAULT_ARCHIVE_LIMITS } from '../../src/formats/archive/limits';
import type { OpenedFile, OpenError } from '../../src/formats/open';
import { ParseError } from '../../src/formats/parse-error';
import type { ArchiveFormat } from '../../src/model/file-kind';
import { summarize } from '../../src/worker/summary';
import type { ProfileSummary } from '../../src/worker/types';

type FileHolds = (bytes: Uint8Array) => Promise<{ result: 'read' | 'refused'; opened?: OpenedFile; error?: OpenError }>;

const BUG_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

function must(ok: boolean, what: string): void {
  if (!ok) throw new Error(`invariant broken: ${what}`);
}

/** 'read' when at least one entry opened. */
export async function archiveHolds(bytes: Uint8Array, format: ArchiveFormat, fileHolds: FileHolds): Promise<'read' | 'refused'> {
  const files: PodFile[] = [];
  const totals = new Map<number, ProfileSummary>();
  let inflated = 0;
  try {
    for await (const e of readArchive(bytes.slice(), format)) {
      const id = files.length;
      must(typeof e.path === 'string', 'an entry has a path');
      if ('error' in e) {
        must(e.error.length > 0, `entry ${e.path}: a reason`);
        files.push({ id, path: e.path, kind: { kind: 'unknown' }, failed: true });
        continue;
      }
      inflated += e.bytes.length;
      const r = await fileHolds(e.bytes);
      const profile = r.opened?.profile;
      if (profile) totals.set(id, summarize(profile));
      files.push({ id, path: e.path, kind: r.opened?.kind ?? r.error!.kind, timeNanos: profile?.timeNanos, failed: r.result === 'refused' });
    }
  } catch (e) {
    if (BUG_ERRORS.some((k) => e instanceof k)) throw new Error(`a bug reading the archive: ${(e as Error).message}`, { cause: e });
    if (!(e instanceof ParseError) || !e.message) throw new Error(`an archive refused without a ParseError: ${String(e)}`, { cause: e });
    if (!(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= bytes.length)) throw new Error(`offset ${e.offset} outside [0, ${bytes.length}] in "${e.message}"`);
    return 'refused';
  }
  must(files.length <= DEFAULT_ARCHIVE_LIMITS.maxEntries + 1, `${files.length} entries, past the limit`);
  must(inflated <= DEFAULT_ARCHIVE_LIMITS.maxTotalBytes, `${inflated} bytes inflated, past the limit`);

  const pods = groupByPod(files);
  must(pods.reduce((n, p) => n + p.count, 0) === files.length, 'every entry in one pod group');
  const table = podTable(pods, (id) => totals.get(id));
  for (const row of table.rows) {
    must(row.cells.length === table.columns.length, 'a cell per column');
    for (const c of row.cells) {
      if (!c) continue;
      must(totals.has(c.id) && !files[c.id].failed, `cell ${c.id} is a readable entry`);
      must(Number.isFinite(c.value), `cell ${c.id}: a finite value`);
      // ±Infinity is the table's own answer beside a median of 0.
      must(c.deviation === null || !Number.isNaN(c.deviation), `cell ${c.id}: deviation ${c.deviation}`);
    }
  }
  return files.some((f) => !f.failed) ? 'read' : 'refused';
}
