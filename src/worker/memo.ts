/**
 * The worker's one cache: every computation worth keeping (call trees, sorted tops, diff
 * trees, goroutine groupings, trace snapshots…) is remembered here under a namespace and a
 * key, with the objects it was built from. A hit whose dependencies are not the same
 * objects (a file closed and reopened holds a new profile) is rebuilt; closing a file drops
 * what was built from it; and one memory budget, least recently used first, bounds the whole.
 */

/** Sizes are estimates in bytes; no entry counts less than this. */
const MIN_BYTES = 64 << 10;
/** The whole cache's budget: a few large call trees, diffs and snapshots at once. */
export const MEMO_BUDGET_BYTES = 768 << 20;

interface Entry {
  value: unknown;
  deps: readonly object[];
  /** Asked at eviction time: a lazily built value grows after it is stored. */
  bytes: () => number;
}

export interface MemoOptions<T> {
  /** Estimated bytes the value holds (default: its typed arrays, see typedBytes). */
  bytes?: (value: T) => number;
}

export class Memo {
  /** Most recently used last. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly budget = MEMO_BUDGET_BYTES) {}

  /** The value of (namespace, key) built from `deps`, building it on a miss. */
  get<T>(namespace: string, key: string, deps: readonly object[], build: () => T, opts: MemoOptions<T> = {}): T {
    const id = `${namespace}\u0000${key}`;
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      if (sameDeps(hit.deps, deps)) {
        this.entries.set(id, hit);
        return hit.value as T;
      }
      this.dropDependents(hit.value);
    }
    const value = build();
    const bytes = opts.bytes ? () => Math.max(MIN_BYTES, opts.bytes!(value)) : () => Math.max(MIN_BYTES, typedBytes(value, deps));
    this.entries.set(id, { value, deps, bytes });
    this.trim(id);
    return value;
  }

  /**
   * Like get, for work that takes a while: the promise is shared by concurrent askers and
   * forgotten when it rejects (a cancelled replay is not remembered).
   */
  getAsync<T>(namespace: string, key: string, deps: readonly object[], build: () => Promise<T>, opts: MemoOptions<T> = {}): Promise<T> {
    let settled: T | undefined;
    const promise = this.get(namespace, key, deps, build, {
      bytes: () => (settled === undefined ? 0 : opts.bytes ? opts.bytes(settled) : typedBytes(settled, deps)),
    });
    promise.then(
      (v) => (settled = v),
      () => this.forget(namespace, key, promise),
    );
    return promise;
  }

  /** Drops every entry built from `dep` (a closed file's profile, model or dump). */
  dropBuiltFrom(dep: object): void {
    for (const [id, e] of [...this.entries]) {
      if (e.deps.includes(dep) && this.entries.delete(id)) this.dropDependents(e.value);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private forget(namespace: string, key: string, value: unknown): void {
    const id = `${namespace}\u0000${key}`;
    if (this.entries.get(id)?.value === value) this.entries.delete(id);
  }

  /** Entries built from an evicted value (a top table from a call tree) go with it. */
  private dropDependents(value: unknown): void {
    if (typeof value === 'object' && value !== null) this.dropBuiltFrom(value);
  }

  /** Evicts least recently used entries until the budget holds; never the one just added. */
  private trim(keep: string): void {
    while (this.totalBytes() > this.budget) {
      const oldest = [...this.entries.keys()].find((id) => id !== keep);
      if (oldest === undefined) return;
      const e = this.entries.get(oldest)!;
      this.entries.delete(oldest);
      this.dropDependents(e.value);
    }
  }

  private totalBytes(): number {
    let total = 0;
    for (const e of this.entries.values()) total += e.bytes();
    return total;
  }
}

function sameDeps(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Bytes of the typed arrays a value holds, looking a few levels into its fields; what it
 * was built from (`skip`: the profile a call tree points to) is not its own. Getters are
 * not read: one may build what it returns (a diff's whole call trees), which sizing must
 * never do.
 */
export function typedBytes(value: unknown, skip: readonly object[], depth = 3): number {
  if (typeof value !== 'object' || value === null || skip.includes(value)) return 0;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (depth === 0) return 0;
  let n = 0;
  const fields = Array.isArray(value) ? value.slice(0, 16) : Object.values(Object.getOwnPropertyDescriptors(value)).map((d) => d.value);
  for (const v of fields) n += typedBytes(v, skip, depth - 1);
  return n;
}
