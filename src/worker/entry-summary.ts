/**
 * An archive entry as the file list and the pod table need it, without keeping its model:
 * a pprof protobuf (gzipped or not) is summarised in one lean pass (formats/pprof/summary),
 * anything else is opened in full and only its summary kept. The session then holds the
 * entry's address, and reads it again from the archive when a view needs its contents.
 */
import { gunzip } from '../formats/gzip';
import { summarizePprof } from '../formats/pprof/summary';
import { sniff } from '../formats/sniff';
import type { EntryAddress } from '../formats/archive/entry';
import { openFile, type FileBase, type OneOptions } from './open-one';
import type { OpenFile } from './session';
import type { FileInfo } from './types';

export async function summarizeEntry(base: FileBase, at: EntryAddress, bytes: Uint8Array, opts: OneOptions): Promise<OpenFile> {
  const lean = await leanInfo(base, bytes, opts);
  if (lean) return { info: lean, entry: { at, read: false } };
  const { info } = await openFile(base, bytes, opts);
  return info.error ? { info } : { info, entry: { at, read: false } };
}

/** A pprof protobuf's summary from the lean pass; null when the full open must say (not pprof, drop_frames, malformed: its message is the decoder's). */
async function leanInfo(base: FileBase, bytes: Uint8Array, opts: OneOptions): Promise<FileInfo | null> {
  let data = bytes;
  if (sniff(bytes).as === 'gzip') {
    try {
      data = await gunzip(bytes, { cap: opts.inflateCap, signal: opts.signal });
    } catch (e) {
      if (opts.signal.aborted) throw e;
      return null;
    }
  }
  if (sniff(data).as !== 'pprof') return null;
  let s;
  try {
    s = summarizePprof(data);
  } catch {
    return null;
  }
  if (!s) return null;
  const { kind, ...facts } = s;
  return {
    ...base,
    kind: { kind: 'pprof', profile: kind },
    warnings: [],
    profile: { source: 'pprof', dropFrames: '', ...facts },
    partial: true,
  };
}
