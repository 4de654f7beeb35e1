/**
 * Tables keyed by trace ids. Goroutine, thread and proc ids are mostly small and dense, so
 * an array beats a Map by a wide margin on the per-event path; large ids fall back to a Map.
 */
import { grown } from '../../../model/growable';

const DENSE_LIMIT = 1 << 23;

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
      if (id >= this.dense.length) this.dense = grown(this.dense, id + 1, -1);
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
      if (id >= this.dense.length) this.dense = grown(this.dense, id + 1, -1);
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

/** Small dense index for a few distinct string ids (range names, block reasons). */
export class SmallIndex {
  private readonly map = new Map<number, number>();
  readonly keys: number[] = [];
  get(id: number): number {
    let i = this.map.get(id);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(id);
      this.map.set(id, i);
    }
    return i;
  }
}

/** A small value (0 to 126) per small id (string or stack ids), computed once per id on first use. */
export class IdValues {
  private known: Int8Array = new Int8Array(64); // value + 1; 0: not computed yet

  constructor(private readonly compute: (id: number) => number) {}

  /** Small, so it inlines into the per-event paths; the first look at an id is out of line. */
  get(id: number): number {
    const k = this.known;
    const v = id < k.length ? k[id] : 0;
    return v === 0 ? this.learn(id) : v - 1;
  }

  private learn(id: number): number {
    if (id >= this.known.length) this.known = grown(this.known, id + 1);
    const v = this.compute(id);
    this.known[id] = v + 1;
    return v;
  }
}

/** A yes/no property of small ids, computed once per id on first use. */
export class IdFlags extends IdValues {
  constructor(compute: (id: number) => boolean) {
    super((id) => (compute(id) ? 1 : 0));
  }

  has(id: number): boolean {
    return this.get(id) === 1;
  }
}
