/**
 * id → value for trace IDs (goroutines, threads, procs). IDs are mostly small and dense, so
 * an array beats a Map by a wide margin on the per-event path; large IDs fall back to a Map.
 */
const DENSE_LIMIT = 1 << 23;

export class IdMap<T> {
  private dense: (T | undefined)[] = [];
  private sparse: Map<number, T> | null = null;
  size = 0;

  get(id: number): T | undefined {
    if (id >= 0 && id < DENSE_LIMIT) return this.dense[id];
    return this.sparse?.get(id);
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  set(id: number, v: T): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id >= this.dense.length) this.grow(id);
      if (this.dense[id] === undefined) this.size++;
      this.dense[id] = v;
      return;
    }
    this.sparse ??= new Map();
    if (!this.sparse.has(id)) this.size++;
    this.sparse.set(id, v);
  }

  delete(id: number): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id < this.dense.length && this.dense[id] !== undefined) {
        this.dense[id] = undefined;
        this.size--;
      }
      return;
    }
    if (this.sparse?.delete(id)) this.size--;
  }

  /** Keeps the dense part a packed array (holes would turn it into a slow dictionary). */
  private grow(id: number): void {
    let n = Math.max(16, this.dense.length);
    while (n <= id) n *= 2;
    n = Math.min(n, DENSE_LIMIT);
    for (let i = this.dense.length; i < n; i++) this.dense.push(undefined);
  }

  *values(): IterableIterator<T> {
    for (const v of this.dense) if (v !== undefined) yield v;
    if (this.sparse) yield* this.sparse.values();
  }
}

/** id → small non-negative int (e.g. goroutine id → slot), -1 when absent. */
export class IdIndex {
  private dense = new Int32Array(1024).fill(-1);
  private readonly sparse = new Map<number, number>();

  get(id: number): number {
    if (id >= 0 && id < DENSE_LIMIT) return id < this.dense.length ? this.dense[id] : -1;
    return this.sparse.get(id) ?? -1;
  }

  set(id: number, v: number): void {
    if (id >= 0 && id < DENSE_LIMIT) {
      if (id >= this.dense.length) {
        let n = this.dense.length;
        while (n <= id) n *= 2;
        const d = new Int32Array(Math.min(n, DENSE_LIMIT)).fill(-1);
        d.set(this.dense);
        this.dense = d;
      }
      this.dense[id] = v;
      return;
    }
    this.sparse.set(id, v);
  }
}

/**
 * Per-generation wire id → global id (strings, stacks): a dense Int32Array for the usual
 * small ids, a Map for absurdly large ones (corrupt or fuzzed input). -1 when absent.
 */
export class LocalIds {
  private dense: Int32Array;
  private sparse: Map<number, number> | null = null;
  constructor(cap = 256) {
    this.dense = new Int32Array(cap).fill(-1);
  }

  get(id: number): number {
    if (id < this.dense.length) return id >= 0 ? this.dense[id] : -1;
    if (this.sparse === null) return -1;
    const v = this.sparse.get(id);
    return v === undefined ? -1 : v;
  }

  set(id: number, v: number): void {
    if (id >= 0 && id < LOCAL_DENSE_LIMIT) {
      if (id >= this.dense.length) {
        let n = this.dense.length;
        while (n <= id) n *= 2;
        const d = new Int32Array(n).fill(-1);
        d.set(this.dense);
        this.dense = d;
      }
      this.dense[id] = v;
      return;
    }
    (this.sparse ??= new Map()).set(id, v);
  }

  has(id: number): boolean {
    return this.get(id) !== -1;
  }
}

const LOCAL_DENSE_LIMIT = 1 << 22;
