/**
 * Per-goroutine columns split into fixed blocks of slots. A trace may hold a million
 * goroutines; a contiguous typed column grows by copying, and until the garbage collector
 * runs the old and the new copy both count, which is what set the parse's peak memory.
 * Blocks never move, and the unused tail is at most one block. A block is made on the
 * first write into it, so a column that few goroutines use (syscall time, regions) costs
 * memory only where it is used: every fresh page costs a page fault, which in a VM is
 * dearer than the work done on it.
 */
const BLOCK_BITS = 15;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** True when slot `s` is the first of a new block (call `ensure` on the columns read through `blocks`). */
export function startsBlock(s: number): boolean {
  return (s & MASK) === 0;
}

/**
 * Block and index of slot `s`. The per-event paths read `col.blocks[blockOf(s)][indexIn(s)]`
 * themselves: a dozen method calls per event would exhaust the JIT's inlining budget.
 */
export function blockOf(s: number): number {
  return s >>> BLOCK_BITS;
}
export function indexIn(s: number): number {
  return s & MASK;
}

type Typed = Float64Array | Int32Array;

/**
 * One column: `width` numbers per slot, side by side (so a slot's fields share a cache
 * line). `fill` is every field's initial value, or one per field.
 */
class SlotColumn<T extends Typed> {
  /** Blocks by index; undefined where nothing was written yet (see `ensure`). */
  blocks: (T | undefined)[] = [];
  constructor(
    private readonly make: (n: number) => T,
    private readonly fill: number | readonly number[],
    private readonly width: number,
  ) {}

  /** Makes every block up to slot `s` exist, for code that reads `blocks` directly. */
  ensure(s: number): void {
    for (let bi = s >>> BLOCK_BITS; bi >= 0 && this.blocks[bi] === undefined; bi--) this.makeBlock(bi);
  }

  private makeBlock(bi: number): T {
    const b = this.make(BLOCK * this.width);
    const fill = this.fill;
    if (typeof fill === 'number') {
      if (fill !== 0) b.fill(fill);
    } else {
      // One row, then native copies doubling it (a loop here would run mostly unoptimized).
      b.set(fill);
      for (let n = this.width; n < b.length; n *= 2) b.copyWithin(n, 0, Math.min(n, b.length - n));
    }
    while (this.blocks.length < bi) this.blocks.push(undefined);
    this.blocks[bi] = b;
    return b;
  }

  private fillOf(k: number): number {
    return typeof this.fill === 'number' ? this.fill : this.fill[k];
  }

  get(s: number, k = 0): number {
    const b = this.blocks[s >>> BLOCK_BITS];
    return b === undefined ? this.fillOf(k) : b[(s & MASK) * this.width + k];
  }

  set(s: number, v: number, k = 0): void {
    const bi = s >>> BLOCK_BITS;
    (this.blocks[bi] ?? this.makeBlock(bi))[(s & MASK) * this.width + k] = v;
  }

  add(s: number, v: number, k = 0): void {
    const bi = s >>> BLOCK_BITS;
    (this.blocks[bi] ?? this.makeBlock(bi))[(s & MASK) * this.width + k] += v;
  }

  /** Slots [0, n) as one array (one field per slot only); each block is released once copied. */
  take(n: number): T {
    if (this.width !== 1) throw new Error('SlotColumn.take: one field per slot only');
    const out = this.make(n);
    const fill = this.fillOf(0);
    for (let i = 0, at = 0; at < n; i++, at += BLOCK) {
      const b = this.blocks[i];
      const m = Math.min(BLOCK, n - at);
      if (b) out.set(m === BLOCK ? b : b.subarray(0, m), at);
      else if (fill !== 0) out.fill(fill, at, at + m);
      this.blocks[i] = undefined;
    }
    this.blocks = [];
    return out;
  }

  /** Field `k` of slots [0, n), copied into `out` (the blocks stay: see release). */
  field<O extends Typed>(n: number, k: number, out: O): O {
    const w = this.width;
    const fill = this.fillOf(k);
    for (let i = 0, at = 0; at < n; i++, at += BLOCK) {
      const b = this.blocks[i];
      const m = Math.min(BLOCK, n - at);
      if (b) for (let j = 0; j < m; j++) out[at + j] = b[j * w + k];
      else if (fill !== 0) out.fill(fill, at, at + m);
    }
    return out;
  }

  release(): void {
    this.blocks = [];
  }
}

export class SlotF64 extends SlotColumn<Float64Array> {
  constructor(fill: number | readonly number[] = 0, width = 1) {
    super((n) => new Float64Array(n), fill, width);
  }
}

export class SlotI32 extends SlotColumn<Int32Array> {
  constructor(fill = 0) {
    super((n) => new Int32Array(n), fill, 1);
  }
}
