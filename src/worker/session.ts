/**
 * The worker's registry of open files and the call trees computed for them.
 * Call trees are cached per view, so flipping between tabs or zooming is cheap; a
 * diff may first read one grown on demand, and the whole tree built later (by the
 * diff table or the flame tab) reuses the same cache entry and its stacks.
 */
import type { GoroutineDump } from '../model/goroutines';
import type { Profile } from '../model/profile';
import type { TraceModel } from '../model/trace';
import type { CallTree, ViewSpec } from '../analysis/calltree/calltree';
import { LazyCallTree } from '../analysis/calltree/lazy';
import { viewFiltersKey } from '../analysis/calltree/view-filters';
import type { FileId, FileInfo } from './api';

export interface OpenFile {
  info: FileInfo;
  profile?: Profile;
  goroutines?: GoroutineDump;
  trace?: { model: TraceModel; bytes: Uint8Array };
}

const TREE_CACHE = 6;

export class Session {
  private readonly files = new Map<FileId, OpenFile>();
  /** Most recently used last. */
  private readonly trees = new Map<string, LazyCallTree>();

  add(file: OpenFile): void {
    this.files.set(file.info.id, file);
  }

  remove(id: FileId): void {
    this.files.delete(id);
    for (const key of [...this.trees.keys()]) if (key.startsWith(`${id}|`)) this.trees.delete(key);
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

  callTree(id: FileId, spec: ViewSpec): CallTree {
    return this.lazyCallTree(id, spec).tree;
  }

  /** The view's call tree, not built until its `tree` is read. */
  lazyCallTree(id: FileId, spec: ViewSpec): LazyCallTree {
    const key = `${id}|${spec.sampleType}|${spec.granularity}|${viewFiltersKey(spec)}`;
    let tree = this.trees.get(key);
    if (tree) {
      this.trees.delete(key);
    } else {
      tree = new LazyCallTree(this.profile(id), spec);
      if (this.trees.size >= TREE_CACHE) this.trees.delete(this.trees.keys().next().value!);
    }
    this.trees.set(key, tree);
    return tree;
  }
}
