/**
 * An archive dropped as one file: each entry is opened as a file of its own (recognised by
 * content, as dropped files are) and registered under a fresh id; an entry that cannot be
 * read is listed with its reason. Entries are read and opened one at a time, so only the
 * entry being parsed is held beside the archive's bytes.
 */
import { readArchive } from '../formats/archive/read';
import type { ArchiveFormat } from '../model/file-kind';
import type { RequestContext } from './context';
import type { OpenOptions } from '../formats/open';
import { openOne } from './open-one';
import type { FileId, FileInfo } from './types';

export async function openArchive(
  archive: { id: FileId; name: string; bytes: Uint8Array; format: ArchiveFormat },
  { session, signal, progress }: RequestContext,
  opts: Pick<OpenOptions, 'startTraceThread'>,
): Promise<FileInfo> {
  const entries: FileInfo[] = [];
  const info: FileInfo = { id: archive.id, name: archive.name, size: archive.bytes.length, kind: { kind: 'archive', format: archive.format }, warnings: [], entries };
  try {
    const reading = readArchive(archive.bytes, archive.format, { signal, onProgress: (done, total) => progress('reading archive', done, total) });
    for await (const e of reading) {
      const base = { id: session.newId(), name: e.path, size: 'bytes' in e ? e.bytes.length : 0, inArchive: archive.id };
      if ('error' in e) {
        const failed: FileInfo = { ...base, kind: { kind: 'unknown' }, warnings: [], error: e.error };
        session.add({ info: failed });
        entries.push(failed);
      } else {
        entries.push(await openOne(session, base, e.bytes, { ...opts, signal }));
      }
    }
  } catch (e) {
    if (signal.aborted) {
      for (const entry of entries) session.remove(entry.id);
      throw e;
    }
    info.error = (e as Error).message;
  }
  session.add({ info });
  return info;
}
