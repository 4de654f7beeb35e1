/**
 * A few recent diff trees, so that zooming, sorting and paging one comparison does
 * not rebuild it. Entries remember the profiles they were built from: a closed and
 * reopened file is a different profile and misses.
 */
import type { DiffTree } from '../analysis/diff/tree';
import type { Profile } from '../model/profile';

const SIZE = 4;

interface Entry {
  tree: DiffTree;
  base: Profile;
  target: Profile;
}

export class DiffCache {
  /** Most recently used last. */
  private readonly entries = new Map<string, Entry>();

  get(key: string, base: Profile, target: Profile, build: () => DiffTree): DiffTree {
    const hit = this.entries.get(key);
    if (hit) this.entries.delete(key);
    const entry = hit && hit.base === base && hit.target === target ? hit : { tree: build(), base, target };
    if (!hit && this.entries.size >= SIZE) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry.tree;
  }
}
