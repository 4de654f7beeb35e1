/**
 * The files the user opened: one row each, with parse status and progress.
 * Bytes go to the worker once (transferred); this store only keeps the summary.
 */
import { create } from 'zustand';
import { type LostCall, WorkerLostError } from '../worker/client';
import type { FileId, FileInfo } from '../worker/types';
import { onWorkerLost, worker } from './worker';

export type FileStatus = 'parsing' | 'ready' | 'error';

export interface FileEntry {
  id: FileId;
  name: string;
  size: number;
  status: FileStatus;
  /** 0..1 while parsing. */
  progress: number;
  phase: string;
  error?: string;
  info?: FileInfo;
  /** Loaded automatically for a first-time visitor; replaced by the user's own files. */
  sample?: boolean;
  /** For an entry of an archive: the archive's row (the entry's name is its path inside). */
  archiveId?: FileId;
  /** Opened from a link to a profile hosted next to the app: its path (state/open-links.ts). */
  link?: string;
}

export interface FilesState {
  files: FileEntry[];
  selectedId: FileId | null;
  /** True until the user picks a file themselves: then a later ready file may take over the selection. */
  autoSelect: boolean;
  /** The files of a drop of several, while they are read: what it lands on is decided once all are (ui/drop/land.ts). */
  landing: FileId[] | null;
}

export const useFiles = create<FilesState>()(() => ({ files: [], selectedId: null, autoSelect: true, landing: null }));

/** Something that can produce bytes: a File, a pasted text, a fetched sample. */
export interface FileSource {
  name: string;
  size: number;
  read: () => Promise<ArrayBuffer>;
  /** A path next to the app it was fetched from, for links that open it again. */
  link?: string;
}

let nextId = 1;
/** Files being opened, so that closing one cancels its parse. */
const opening = new Map<FileId, AbortController>();
/** Where each file the user opened came from, to open it again in a new worker (a File is read again from disk). */
const sources = new Map<FileId, FileSource>();

function patch(id: FileId, p: Partial<FileEntry>): void {
  useFiles.setState((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, ...p } : f)) }));
}

function showProgress(id: FileId, phase: string, done: number, total: number): void {
  const f = useFiles.getState().files.find((x) => x.id === id);
  if (!f || f.status !== 'parsing') return;
  patch(id, { progress: total > 0 ? Math.min(1, done / total) : f.progress, phase });
}

export function fromFile(f: File): FileSource {
  return { name: f.name, size: f.size, read: () => f.arrayBuffer() };
}

export function fromText(name: string, text: string): FileSource {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.byteLength, read: async () => bytes.buffer as ArrayBuffer };
}

let pasteCount = 0;
export function nextPasteName(): string {
  return `pasted-${++pasteCount}.txt`;
}

/** Rows for files that parsed but are not something goroscope can show. */
function unreadableReason(info: FileInfo): string | null {
  if (info.error) return info.error;
  if (info.kind.kind === 'unknown' && !info.profile) {
    return 'Not a format goroscope reads: the content is not a pprof profile, an execution trace, a goroutine dump or collapsed stacks.';
  }
  return null;
}

export function isShowable(f: FileEntry | undefined): boolean {
  return !!f && f.status === 'ready' && !!f.info?.profile;
}

/** Resolves with the new rows' ids once each is read (or failed). `land`: a drop of several waits for its landing. */
export async function openFiles(sources: FileSource[], opts: { sample?: boolean; land?: boolean } = {}): Promise<FileId[]> {
  if (sources.length === 0) return [];
  // A newcomer's sample makes way as soon as they bring their own files.
  if (!opts.sample) for (const f of useFiles.getState().files) if (f.sample) removeFile(f.id);

  const entries: FileEntry[] = sources.map((s) => ({
    id: nextId++, name: s.name, size: s.size, status: 'parsing', progress: 0, phase: 'reading', sample: opts.sample, link: s.link,
  }));
  useFiles.setState((s) => {
    const keepSelection = !s.autoSelect && s.files.some((f) => f.id === s.selectedId);
    return {
      files: [...s.files, ...entries],
      selectedId: keepSelection ? s.selectedId : entries[0]!.id,
      landing: opts.land && entries.length >= 2 ? entries.map((e) => e.id) : s.landing,
    };
  });

  await Promise.all(entries.map((e, i) => parseOne(e, sources[i]!)));
  return entries.map((e) => e.id);
}

/** A drop's landing is decided: the view is no longer held, and `select` (when given and still open) is selected. */
export function endLanding(ids: FileId[], select: FileId | null): void {
  useFiles.setState((s) => ({
    landing: s.landing === null || s.landing.some((id) => ids.includes(id)) ? null : s.landing,
    selectedId: select !== null && s.files.some((f) => f.id === select) ? select : s.selectedId,
  }));
}

async function parseOne(e: FileEntry, src: FileSource): Promise<void> {
  sources.set(e.id, src);
  try {
    const bytes = await src.read();
    if (!stillOpen(e.id)) return;
    // A linked file's size is known once fetched.
    if (bytes.byteLength !== e.size) patch(e.id, { size: bytes.byteLength });
    patch(e.id, { phase: 'parsing' });
    const cancel = new AbortController();
    opening.set(e.id, cancel);
    const info = await worker()
      .call(
        'openFile',
        { id: e.id, name: e.name, bytes, cores: navigator.hardwareConcurrency },
        { transfer: [bytes], signal: cancel.signal, onProgress: (phase, done, total) => showProgress(e.id, phase, done, total) },
      )
      .finally(() => opening.delete(e.id));
    if (!stillOpen(e.id)) return;
    if (info.entries) return addArchive(e.id, info);
    const reason = unreadableReason(info);
    patch(e.id, reason ? { status: 'error', error: reason, info, progress: 1 } : { status: 'ready', info, progress: 1 });
    if (!reason) maybeAutoSelect(e.id);
  } catch (err) {
    // A lost worker's files are seen to by `recover`.
    if (!stillOpen(e.id) || err instanceof WorkerLostError) return;
    patch(e.id, { status: 'error', error: err instanceof Error ? err.message : String(err), progress: 1 });
  }
}

/** An archive's entries become rows of their own, after the archive's; the first showable one may take the selection. */
function addArchive(id: FileId, info: FileInfo): void {
  const entries: FileEntry[] = (info.entries ?? []).map((x) => {
    const reason = unreadableReason(x);
    const base = { id: x.id, name: x.name, size: x.size, progress: 1, phase: '', info: x, archiveId: id };
    return reason ? { ...base, status: 'error' as const, error: reason } : { ...base, status: 'ready' as const };
  });
  useFiles.setState((s) => {
    const at = s.files.findIndex((f) => f.id === id);
    const archive: FileEntry = { ...s.files[at]!, info, progress: 1, ...(info.error ? { status: 'error', error: info.error } : { status: 'ready' }) };
    return { files: [...s.files.slice(0, at), archive, ...entries, ...s.files.slice(at + 1)] };
  });
  const first = entries.find(isShowable);
  if (first) maybeAutoSelect(first.id);
}

function stillOpen(id: FileId): boolean {
  return useFiles.getState().files.some((f) => f.id === id);
}

/** If the automatically selected file turned out unshowable, move to the first one that can be shown. */
function maybeAutoSelect(readyId: FileId): void {
  const s = useFiles.getState();
  if (!s.autoSelect) return;
  const sel = s.files.find((f) => f.id === s.selectedId);
  if (sel && (sel.status === 'parsing' || isShowable(sel))) return;
  const ready = s.files.find((f) => f.id === readyId);
  if (isShowable(ready)) useFiles.setState({ selectedId: readyId });
}

export function selectFile(id: FileId): void {
  useFiles.setState({ selectedId: id, autoSelect: false });
}

export function removeFile(id: FileId): void {
  const s = useFiles.getState();
  const idx = s.files.findIndex((f) => f.id === id);
  if (idx < 0) return;
  opening.get(id)?.abort();
  sources.delete(id);
  worker().call('closeFile', { id }).catch(() => {
    /* the worker may never have held it (failed parse); nothing to free */
  });
  // The worker closes an archive's entries with it.
  const files = s.files.filter((x) => x.id !== id && x.archiveId !== id);
  let selectedId = s.selectedId;
  if (!files.some((f) => f.id === selectedId)) selectedId = (files[idx] ?? files[idx - 1])?.id ?? null;
  useFiles.setState({ files, selectedId });
}

/** The file a lost call was working on (its `id` or `file` parameter), if any. */
function fileOf(call: LostCall): FileId | undefined {
  const p = call.params as { id?: unknown; file?: unknown } | null;
  const id = typeof p?.file === 'number' ? p.file : typeof p?.id === 'number' ? p.id : undefined;
  return id;
}

function stepOf(call: LostCall): string {
  const what = call.method === 'openFile' ? 'opening it' : `computing ${call.method}`;
  return call.phase ? `${what} (${call.phase})` : what;
}

/**
 * A new worker holds nothing: every file the user opened is read again from its source and
 * opened in it, but not a file the lost worker was busy with (it may be what killed it: the
 * user retries it by opening it again), nor a file made from another one (a trace's
 * profile or snapshot), which is said to be lost.
 */
function recover(reason: string, calls: LostCall[]): void {
  const busy = new Map<FileId, string>();
  for (const c of calls) {
    const id = fileOf(c);
    if (id !== undefined && !busy.has(id)) busy.set(id, stepOf(c));
  }
  const reopen: [FileEntry, FileSource][] = [];
  useFiles.setState((s) => ({
    files: s.files
      // An archive's entries come back with it.
      .filter((f) => f.archiveId === undefined || !sources.has(f.archiveId))
      .map((f): FileEntry => {
        const step = busy.get(f.id) ?? (f.archiveId !== undefined ? busy.get(f.archiveId) : undefined);
        if (step !== undefined) {
          sources.delete(f.id);
          return { ...f, status: 'error', progress: 1, error: `${reason[0]!.toUpperCase()}${reason.slice(1)} while ${step}. Not opened again, as it may be what stopped it: open it again to retry.` };
        }
        const src = sources.get(f.id);
        if (f.status === 'error') return f;
        if (!src) return { ...f, status: 'error', progress: 1, error: `Lost when the worker was restarted (${reason}): open it again from the file it came from.` };
        const again: FileEntry = { ...f, status: 'parsing', progress: 0, phase: 'reopening', error: undefined, info: undefined };
        reopen.push([again, src]);
        return again;
      }),
  }));
  for (const [f, src] of reopen) void parseOne(f, src);
}

onWorkerLost(recover);
