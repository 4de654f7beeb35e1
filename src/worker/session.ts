/**
 * The worker's registry of open files, and the one Memo for everything computed from
 * them. Call trees are memoised per view, so flipping between tabs or zooming is cheap; a
 * diff may first read one grown on demand, and the whole tree built later (by the diff
 * table or the flame tab) reuses the same entry and its stacks.
 */
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
}

/** Files made inside the worker (profiles from a trace) get ids from here up, apart from dropped files. */
export const DERIVED_ID_BASE = 1_000_000_000;

export class Session {
  private readonly files = new Map<FileId, OpenFile>();
  private nextDerivedId = DERIVED_ID_BASE;
  readonly memo = new Memo();

  add(file: OpenFile): void {
    this.files.set(file.info.id, file);
  }

  remove(id: FileId): void {
    const f = this.files.get(id);
    if (!f) return;
    this.files.delete(id);
    for (const entry of f.info.entries ?? []) this.remove(entry.id);
    for (const dep of [f.profile, f.goroutines, f.trace?.model]) if (dep) this.memo.dropBuiltFrom(dep);
  }

  /** Open files' ids, in the order they were added. */
  ids(): FileId[] {
    return [...this.files.keys()];
  }

  get(id: FileId): OpenFile {
    const f = this.files.get(id);
    if (!f) throw new Error(`no open file with id ${id}`);
    return f;
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
