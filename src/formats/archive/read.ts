/**
 * An archive's entries as files to open: zip, tar or tar.gz, read one entry at a time
 * within one budget (entry count, inflated bytes), nested archives opened one level deep.
 * A bad entry becomes an entry with its reason; the others are still read.
 */
import type { ArchiveFormat } from '../../model/file-kind';
import { archiveFormat } from './format';
import type { ArchiveEntry } from './entry';
import { ArchiveBudget, DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './limits';
import { tarEntries } from './tar';
import { zipEntries } from './zip';

export interface ReadArchiveOptions {
  limits?: ArchiveLimits;
  /** Set `aborted` to stop between entries. */
  signal?: { aborted: boolean };
  onProgress?: (done: number, total: number) => void;
}

export async function* readArchive(bytes: Uint8Array, format: ArchiveFormat, opts: ReadArchiveOptions = {}): AsyncGenerator<ArchiveEntry> {
  yield* walk(bytes, format, '', new ArchiveBudget(opts.limits ?? DEFAULT_ARCHIVE_LIMITS), opts);
}

async function* walk(bytes: Uint8Array, format: ArchiveFormat, prefix: string, budget: ArchiveBudget, opts: ReadArchiveOptions): AsyncGenerator<ArchiveEntry> {
  const progress = prefix ? undefined : opts.onProgress;
  const entries = format === 'zip' ? zipEntries(bytes, budget, progress) : tarEntries(bytes, format === 'tar.gz', budget, progress);
  for await (const e of entries) {
    if (opts.signal?.aborted) throw new Error('cancelled');
    const path = prefix + e.path.replace(/^(\.\/)+/, '');
    if ('error' in e) {
      yield { path, error: e.error };
      continue;
    }
    if (escapes(e.path)) {
      yield { path, error: 'not read: its path leaves the archive (an absolute path or a ../ step), as only a hostile archive writes' };
      continue;
    }
    const inner = archiveFormat(e.bytes);
    if (!inner) yield { path, bytes: e.bytes };
    else if (prefix) yield { path, error: `not read: a ${inner} archive inside an archive inside an archive (one level of nesting is opened)` };
    else yield* walk(e.bytes, inner, `${path}/`, budget, opts);
  }
}

/** An absolute path, a drive letter or a `..` step: extracting it would write outside the folder. */
function escapes(path: string): boolean {
  return /^[/\\]/.test(path) || /^[a-zA-Z]:/.test(path) || path.split(/[/\\]/).includes('..');
}
