/**
 * An archive dropped as one file. Each entry is recognised by content, as dropped files
 * are, registered under a fresh id and summarised (entry-summary.ts); an entry that cannot
 * be read is listed with its reason. The archive's bytes are kept, not the entries' models:
 * when a request needs entries' contents, they are read again from the archive in one pass
 * and opened in full (readEntries). Only the entry being read is held beside the archive.
 */
import { readArchive } from '../formats/archive/read';
import type { ArchiveFormat } from '../model/file-kind';
import type { RequestContext } from './context';
import type { OpenOptions } from '../formats/open';
import { summarizeEntry } from './entry-summary';
import { openFile } from './open-one';
import type { Session } from './session';
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
      const file = 'error' in e ? { info: { ...base, kind: { kind: 'unknown' as const }, warnings: [], error: e.error } } : await summarizeEntry(base, e.at, e.bytes, { ...opts, signal });
      session.add(file);
      entries.push(file.info);
    }
  } catch (e) {
    if (signal.aborted) {
      for (const entry of entries) session.remove(entry.id);
      throw e;
    }
    info.error = (e as Error).message;
  }
  session.add({ info, archive: { bytes: archive.bytes, format: archive.format } });
  return info;
}

/**
 * Reads the entries' contents again, one pass over each archive they are in, and opens
 * them in full. An entry that its summary let through but that fails in full is the
 * request's error, naming the entry.
 */
export async function readEntries(session: Session, ids: FileId[], ctx: RequestContext): Promise<void> {
  // Requests at once (a view's flame and its info) share a reading; one cancelled leaves the other to read again.
  let flights = inFlight.get(session);
  if (!flights) inFlight.set(session, (flights = new Map()));
  const others = ids.flatMap((id) => flights.get(id)?.catch(() => undefined) ?? []);
  const fresh = ids.filter((id) => !flights.has(id));
  const mine = readFresh(session, fresh, ctx);
  for (const id of fresh) flights.set(id, mine);
  try {
    await Promise.all([mine, ...others]);
  } finally {
    for (const id of fresh) flights.delete(id);
  }
}

const inFlight = new WeakMap<Session, Map<FileId, Promise<void>>>();

async function readFresh(session: Session, ids: FileId[], { signal, progress }: RequestContext): Promise<void> {
  const byArchive = new Map<FileId, FileId[]>();
  for (const id of ids) {
    const archive = session.info(id).inArchive!;
    byArchive.set(archive, [...(byArchive.get(archive) ?? []), id]);
  }
  for (const [archiveId, group] of byArchive) {
    const archive = session.get(archiveId).archive!;
    const pick = group.map((id) => session.entryAt(id));
    const idAt = new Map(group.map((id, i) => [String(pick[i]), id]));
    const reading = readArchive(archive.bytes, archive.format, { signal, pick, onProgress: (done, total) => progress('reading archive', done, total) });
    for await (const e of reading) {
      const id = idAt.get(String(e.at));
      if (id === undefined) continue;
      const known = session.info(id);
      if ('error' in e) throw new Error(`${known.name}: ${e.error}`);
      const file = await openFile({ id, name: known.name, size: known.size, inArchive: archiveId }, e.bytes, { signal });
      if (file.info.error) throw new Error(`${known.name}: ${file.info.error}`);
      session.holdEntry({ ...file, entry: { at: e.at, read: true } });
      idAt.delete(String(e.at));
    }
    if (idAt.size) throw new Error(`${[...idAt.values()].map((id) => session.info(id).name).join(', ')}: no longer found in the archive`);
  }
}
