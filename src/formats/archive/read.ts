/**
 * An archive's entries as files to open: zip, tar or tar.gz, read one entry at a time
 * within one budget (entry count, inflated bytes), nested archives opened one level deep.
 * A bad entry becomes an entry with its reason; the others are still read. Each entry
 * carries its address, so a later reading can pick just the entries a view needs.
 */
import type { ArchiveFormat } from '../../model/file-kind';
import { archiveFormat } from './format';
import type { ArchiveEntry, EntryAddress, RawEntry } from './entry';
import { ArchiveBudget, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './limits';
import { tarEntries } from './tar';
import { zipEntries } from './zip';

export interface ReadArchiveOptions {
  limits?: ArchiveLimits;
  /** Set `aborted` to stop between entries. */
  signal?: { aborted: boolean };
  onProgress?: (done: number, total: number) => void;
  /** Read only these entries (addresses from an earlier reading), stopping after the last. */
  pick?: EntryAddress[];
}

export async function* readArchive(bytes: Uint8Array, format: ArchiveFormat, opts: ReadArchiveOptions = {}): AsyncGenerator<ArchiveEntry> {
  yield* walk(bytes, format, null, new ArchiveBudget(opts.limits ?? DEFAULT_ARCHIVE_LIMITS), opts, opts.pick ?? null);
}

function rawEntries(bytes: Uint8Array, format: ArchiveFormat, budget: ArchiveBudget, progress: ReadArchiveOptions['onProgress'], pick: EntryAddress[] | null): AsyncGenerator<RawEntry> {
  const wanted = pick ? new Set(pick.map((a) => a[0])) : null;
  const want = wanted ? (at: number) => wanted.has(at) : undefined;
  return format === 'zip' ? zipEntries(bytes, budget, progress, want) : tarEntries(bytes, format === 'tar.gz', budget, progress, want);
}

async function* walk(
  bytes: Uint8Array,
  format: ArchiveFormat,
  outer: { path: string; at: number } | null,
  budget: ArchiveBudget,
  opts: ReadArchiveOptions,
  pick: EntryAddress[] | null,
): AsyncGenerator<ArchiveEntry> {
  const last = pick ? Math.max(-1, ...pick.map((a) => a[0])) : Infinity;
  if (last < 0) return;
  const prefix = outer ? `${outer.path}/` : '';
  const address = (at: number): EntryAddress => (outer ? [outer.at, at] : [at]);
  for await (const e of rawEntries(bytes, format, budget, outer ? undefined : opts.onProgress, pick)) {
    if (opts.signal?.aborted) throw new Error('cancelled');
    const path = prefix + e.path.replace(/^(\.\/)+/, '');
    const at = address(e.at);
    if ('error' in e) yield { path, at, error: e.error };
    else if (escapes(e.path)) yield { path, at, error: 'not read: its path leaves the archive (an absolute path or a ../ step), as only a hostile archive writes' };
    else {
      const inner = archiveFormat(e.bytes);
      if (!inner) yield { path, at, bytes: e.bytes };
      else if (outer) yield { path, at, error: `not read: a ${inner} archive inside an archive inside an archive (one level of nesting is opened)` };
      else {
        const innerPick = pick && pick.filter((a) => a[0] === e.at && a.length > 1).map((a) => a.slice(1));
        yield* walk(e.bytes, inner, { path, at: e.at }, budget, opts, innerPick);
      }
    }
    if (e.at >= last) return;
  }
}

/** An absolute path, a drive letter or a `..` step: extracting it would write outside the folder. */
function escapes(path: string): boolean {
  return /^[/\\]/.test(path) || /^[a-zA-Z]:/.test(path) || path.split(/[/\\]/).includes('..');
}
