/** One file's bytes → a FileInfo registered in the session (the profile, goroutines or trace it holds), or its failure. */
import { cpuSamplesProfile } from '../analysis/trace';
import { summarize } from './summary';
import { OpenError, openBytes, type OpenOptions } from '../formats/open';
import type { OpenFile, Session } from './session';
import type { FileInfo } from './types';

export type FileBase = Pick<FileInfo, 'id' | 'name' | 'size' | 'inArchive'>;

export type OneOptions = OpenOptions & { signal: { aborted: boolean } };

/** The file as the session holds it; a file that cannot be read is one with its reason (info.error). */
export async function openFile(base: FileBase, bytes: Uint8Array, opts: OneOptions): Promise<OpenFile> {
  try {
    const opened = await openBytes(bytes, opts);
    const model = opened.trace?.model;
    // A trace's CPU samples are its flame graph; its other profiles come from the trace view.
    const profile = model ? (model.summary.cpuSamples > 0 ? cpuSamplesProfile(model) : undefined) : opened.profile;
    const info: FileInfo = { ...base, kind: opened.kind, warnings: opened.warnings, profile: profile ? summarize(profile) : undefined };
    return { info, profile, goroutines: opened.goroutines, trace: opened.trace };
  } catch (e) {
    if (!(e instanceof OpenError) || opts.signal.aborted) throw e;
    return { info: { ...base, kind: e.kind, warnings: [], error: e.message } };
  }
}

export async function openOne(session: Session, base: FileBase, bytes: Uint8Array, opts: OneOptions): Promise<FileInfo> {
  const file = await openFile(base, bytes, opts);
  session.add(file);
  return file.info;
}
