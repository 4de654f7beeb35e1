/**
 * The worker's registry of open files, and the one Memo for everything computed from
 * them. Call trees are memoised per view, so flipping between tabs or zooming is cheap; a
 * diff may first read one grown on demand, and the whole tree built later (by the diff
 * table or the flame tab) reuses the same entry and its stacks.
 */
import type { EntryAddress } from '../formats/archive/entry';
import type { ArchiveFormat } from '../model/file-kind';
import type { GoroutineDump } from '../model/goroutines';
import type { Profile } from '../model/profile';
import type { TraceModel } from '../model/trace';
import type { CallTree } from '../analysis/calltree/calltree';
import { LazyCallTree } from '../analysis/calltree/lazy';
import { stringifyTransforms, treeViewOf } from '../analysis/transforms/list';
import { Memo } from './memo';
import type { FileId, FileInfo, ViewOptions } from './types';

export interface OpenFile {
  info: FileInfo;
  profile?: Profile;
  goroutines?: GoroutineDump;
  trace?: { model: TraceModel; bytes: Uint8Array };
  /** For a file derived from another (info.derivedFrom): what it is, so asking again finds it. */
  derivedKey?: string;
  /** For an archive: its bytes, read again for the entries a view needs. */
  archive?: { bytes: Uint8Array; format: ArchiveFormat };
  /**
   * For a readable entry of an archive: where it lies, and whether its contents are held.
   * Until they are, only its summary (info) is kept, and `get` asks for it to be read.
   */
  entry?: { at: EntryAddress; read: boolean };
}

/** Thrown when a request needs archive entries whose contents are not held: the request loop reads them and asks again. */
export class NotRead extends Error {
  constructor(readonly ids: FileId[]) {
    super(`archive entries ${ids.join(', ')} are not read`);
    this.name = 'NotRead';
  }
}

/** Archive entries whose contents stay held after a request; older ones are let go (read again when needed). */
const HELD_ENTRIES = 8;

/** Files made inside the worker (profiles from a trace) get ids from here up, apart from dropped files. */
export const DERIVED_ID_BASE = 1_000_000_000;

export class Session {
  private readonly files = new Map<FileId, OpenFile>();
  private nextDerivedId = DERIVED_ID_BASE;
  /** Archive entries whose contents are held, least recently read first. */
  private held: FileId[] = [];
  readonly memo = new Memo();

  add(file: OpenFile): void {
    this.files.set(file.info.id, file);
  }

  remove(id: FileId): void {
    const f = this.files.get(id);
    if (!f) return;
    this.files.delete(id);
    for (const entry of f.info.entries ?? []) this.remove(entry.id);
    this.dropContents(f);
  }

  private dropContents(f: OpenFile): void {
    for (const dep of [f.profile, f.goroutines, f.trace?.model]) if (dep) this.memo.dropBuiltFrom(dep);
  }

  /** Throws NotRead naming every one of `ids` that is an archive entry not read: one reading then serves them all. */
  require(ids: FileId[]): void {
    const unread = ids.filter((id) => !this.isRead(id));
    if (unread.length) throw new NotRead(unread);
  }

  /** An archive entry's contents, read: held until `letGoOfEntries` finds it among the oldest. */
  holdEntry(file: OpenFile): void {
    this.add(file);
    this.held = [...this.held.filter((id) => id !== file.info.id), file.info.id];
  }

  /** Lets go of the contents of all but the most recently read entries (their summaries stay). */
  letGoOfEntries(): void {
    while (this.held.length > HELD_ENTRIES) {
      const f = this.files.get(this.held.shift()!);
      if (!f?.entry) continue;
      this.dropContents(f);
      this.files.set(f.info.id, { info: f.info, entry: { at: f.entry.at, read: false } });
    }
  }

  /** Open files' ids, in the order they were added. */
  ids(): FileId[] {
    return [...this.files.keys()];
  }

  get(id: FileId): OpenFile {
    const f = this.files.get(id);
    if (!f) throw new Error(`no open file with id ${id}`);
    if (!this.isRead(id)) throw new NotRead([id]);
    return f;
  }

  /** False for an archive entry whose contents are not held (`get` would throw NotRead). */
  isRead(id: FileId): boolean {
    return this.files.get(id)?.entry?.read !== false;
  }

  /** Where an archive entry lies in its archive. */
  entryAt(id: FileId): EntryAddress {
    const at = this.files.get(id)?.entry?.at;
    if (!at) throw new Error(`no archive entry with id ${id}`);
    return at;
  }

  /** What is known about a file without reading it (an archive entry's summary). */
  info(id: FileId): FileInfo {
    const f = this.files.get(id);
    if (!f) throw new Error(`no open file with id ${id}`);
    return f.info;
  }

  profile(id: FileId): Profile {
    const p = this.get(id).profile;
    if (!p) throw new Error(`${this.get(id).info.name} has no profile to show`);
    return p;
  }

  /** The file derived from `from` as `key`, when it is still open. */
  derived(from: FileId, key: string): OpenFile | undefined {
    for (const f of this.files.values()) if (f.info.derivedFrom === from && f.derivedKey === key) return f;
    return undefined;
  }

  /** An id for a file made in the worker (derived from another, or read from an archive). */
  newId(): FileId {
    return this.nextDerivedId++;
  }

  /** Registers a file made from another one, under a fresh id. */
  addDerived(from: FileId, key: string, info: Omit<FileInfo, 'id' | 'derivedFrom'>, profile: Profile): FileInfo {
    const full: FileInfo = { ...info, id: this.newId(), derivedFrom: from };
    this.add({ info: full, profile, derivedKey: key });
    return full;
  }

  callTree(id: FileId, view: ViewOptions): CallTree {
    return this.lazyCallTree(id, view).tree;
  }

  /** The view's call tree, not built until its `tree` is read. */
  lazyCallTree(id: FileId, view: ViewOptions): LazyCallTree {
    const profile = this.profile(id);
    const key = `${id}|${view.sampleType}|${stringifyTransforms(view.transforms)}`;
    return this.memo.get('calltree', key, [profile], () => new LazyCallTree(profile, { sampleType: view.sampleType, ...treeViewOf(view.transforms) }));
  }
}
