/**
 * A few recent goroutine computations (snapshot + group table per file and granularity,
 * comparisons, leak lists), so that paging, sorting and filtering do not regroup.
 * Each entry remembers the profiles it was built from: a closed file's entries miss
 * (and are dropped) because the session no longer hands out the same profile.
 */
import type { Profile } from '../model/profile';

/** A file and the profile it held when the entry was built. */
export interface Dep {
  file: number;
  profile: Profile;
}

interface Entry<T> {
  value: T;
  deps: Dep[];
}

export class GoroutineCache<T> {
  /** Most recently used last. */
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly size: number) {}

  get(key: string, deps: Dep[], build: () => T): T {
    const hit = this.entries.get(key);
    if (hit) this.entries.delete(key);
    const fresh = hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d.file === deps[i].file && d.profile === deps[i].profile);
    const entry = fresh ? hit : { value: build(), deps };
    if (!fresh && this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Drops entries whose files are closed or reopened (alive() says which still hold their profile). */
  sweep(alive: (d: Dep) => boolean): void {
    for (const [k, e] of [...this.entries]) if (!e.deps.every(alive)) this.entries.delete(k);
  }

  get count(): number {
    return this.entries.size;
  }
}
