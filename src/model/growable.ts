/**
 * Typed columns that grow, in two shapes:
 *  - Growable*: one contiguous array that doubles as it is appended to, for columns that
 *    are handed over whole at the end (profiles, call trees, the trace model's tables);
 *  - Slot*: fixed blocks that never move (see SlotColumn), for per-goroutine columns.
 * Any other typed array that must grow goes through `grown`.
 */

type Typed = Int32Array | Float64Array | Uint8Array | Int8Array;

/**
 * A copy of `a` in a new array of its type, doubled until it holds at least `min`
 * elements; the new part holds `fill`. Growing is rare, so this one helper serves every
 * array type while the callers' element accesses each stay on one type.
 */
export function grown<T extends Typed>(a: T, min: number, fill = 0): T {
  let n = a.length || 1;
  while (n < min) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  if (fill !== 0) b.fill(fill, a.length);
  b.set(a);
  return b;
}

/**
 * What the appendable columns share. `push` is written in each subclass, not here, so
 * each push sees one array type (a shared one is polymorphic, and slower on hot paths).
 */
abstract class Appendable<T extends Typed> {
  length = 0;
  constructor(
    /** The backing array, for direct reads on hot paths; replaced when it grows. */
    public data: T,
  ) {}

  /** The filled part without copying; valid until the next push. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** A right-sized copy; the column keeps nothing after this. */
  finish(): T {
    return this.data.slice(0, this.length) as T;
  }

  /** Like finish(), but skips the copy when at least half the capacity is in use. */
  trimmed(): T {
    return this.length * 2 >= this.data.length ? this.view() : this.finish();
  }
}

export class GrowableInt32 extends Appendable<Int32Array> {
  constructor(capacity = 1024) {
    super(new Int32Array(Math.max(16, capacity)));
  }

  push(v: number): number {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** Reverses elements [from, to) in place. */
  reverseRange(from: number, to: number): void {
    const d = this.data;
    for (let i = from, j = to - 1; i < j; i++, j--) {
      const t = d[i];
      d[i] = d[j];
      d[j] = t;
    }
  }
}

export class GrowableFloat64 extends Appendable<Float64Array> {
  constructor(capacity = 1024) {
    super(new Float64Array(Math.max(16, capacity)));
  }

  push(v: number): number {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
}

export class GrowableUint8 extends Appendable<Uint8Array> {
  constructor(capacity = 1024) {
    super(new Uint8Array(Math.max(16, capacity)));
  }

  push(v: number): number {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
    this.data[this.length] = v;
    return this.length++;
  }
}

/**
 * Slot columns: per-goroutine values split into fixed blocks of slots. A trace may hold a
 * million goroutines; a contiguous typed column grows by copying, and until the garbage
 * collector runs the old and the new copy both count, which is what set the parse's peak
 * memory. Blocks never move, and the unused tail is at most one block. A block is made on
 * the first write into it, so a column that few goroutines use (syscall time, regions)
 * costs memory only where it is used: every fresh page costs a page fault, which in a VM
 * is dearer than the work done on it.
 */
export const SLOT_BLOCK_BITS = 15;
const BLOCK = 1 << SLOT_BLOCK_BITS;
const MASK = BLOCK - 1;

/** True when slot `s` is the first of a new block. */
export function startsBlock(s: number): boolean {
  return (s & MASK) === 0;
}

/** One number per slot. */
class SlotColumn<T extends Float64Array | Int32Array> {
  /** Blocks by index; undefined where nothing was written yet. */
  private blocks: (T | undefined)[] = [];
  constructor(
    private readonly make: (n: number) => T,
    private readonly fill: number,
  ) {}

  private makeBlock(bi: number): T {
    const b = this.make(BLOCK);
    if (this.fill !== 0) b.fill(this.fill);
    while (this.blocks.length < bi) this.blocks.push(undefined);
    this.blocks[bi] = b;
    return b;
  }

  get(s: number): number {
    const b = this.blocks[s >>> SLOT_BLOCK_BITS];
    return b === undefined ? this.fill : b[s & MASK];
  }

  set(s: number, v: number): void {
    const bi = s >>> SLOT_BLOCK_BITS;
    (this.blocks[bi] ?? this.makeBlock(bi))[s & MASK] = v;
  }

  add(s: number, v: number): void {
    const bi = s >>> SLOT_BLOCK_BITS;
    (this.blocks[bi] ?? this.makeBlock(bi))[s & MASK] += v;
  }

  /** Slots [0, n) as one array; each block is released once copied. */
  take(n: number): T {
    const out = this.make(n);
    for (let i = 0, at = 0; at < n; i++, at += BLOCK) {
      const b = this.blocks[i];
      const m = Math.min(BLOCK, n - at);
      if (b) out.set(m === BLOCK ? b : b.subarray(0, m), at);
      else if (this.fill !== 0) out.fill(this.fill, at, at + m);
      this.blocks[i] = undefined;
    }
    this.blocks = [];
    return out;
  }

  release(): void {
    this.blocks = [];
  }
}

export class SlotF64 extends SlotColumn<Float64Array> {
  constructor(fill = 0) {
    super((n) => new Float64Array(n), fill);
  }
}

export class SlotI32 extends SlotColumn<Int32Array> {
  constructor(fill = 0) {
    super((n) => new Int32Array(n), fill);
  }
}
