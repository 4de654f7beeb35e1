/**
 * Per-goroutine columns split into fixed blocks of slots. A trace may hold a million
 * goroutines; a contiguous typed column grows by copying, and until the garbage collector
 * runs the old and the new copy both count, which is what set the parse's peak memory.
 * Blocks never move, and the unused tail is at most one block.
 */
const BLOCK_BITS = 15;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** True when slot `s` is the first of a new block (call `ensure` on every column then). */
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
  blocks: T[] = [];
  constructor(
    private readonly make: (n: number) => T,
    private readonly fill: number | readonly number[],
    private readonly width: number,
  ) {}

  /** Makes slot `s` addressable (slots are added in order). */
  ensure(s: number): void {
    while (s >>> BLOCK_BITS >= this.blocks.length) {
      const b = this.make(BLOCK * this.width);
      const fill = this.fill;
      if (typeof fill === 'number') {
        if (fill !== 0) b.fill(fill);
      } else {
        for (let k = 0; k < this.width; k++) if (fill[k] !== 0) for (let i = k; i < b.length; i += this.width) b[i] = fill[k];
      }
      this.blocks.push(b);
    }
  }

  get(s: number, k = 0): number {
    return this.blocks[s >>> BLOCK_BITS][(s & MASK) * this.width + k];
  }

  set(s: number, v: number, k = 0): void {
    this.blocks[s >>> BLOCK_BITS][(s & MASK) * this.width + k] = v;
  }

  add(s: number, v: number, k = 0): void {
    this.blocks[s >>> BLOCK_BITS][(s & MASK) * this.width + k] += v;
  }

  /** Slots [0, n) as one array (one field per slot only); each block is released once copied. */
  take(n: number): T {
    if (this.width !== 1) throw new Error('SlotColumn.take: one field per slot only');
    const out = this.make(n);
    for (let i = 0, at = 0; at < n; i++, at += BLOCK) {
      const b = this.blocks[i];
      out.set(n - at >= BLOCK ? b : b.subarray(0, n - at), at);
      this.blocks[i] = undefined as unknown as T;
    }
    this.blocks = [];
    return out;
  }

  /** Field `k` of slots [0, n), copied into `out` (the blocks stay: see release). */
  field<O extends Typed>(n: number, k: number, out: O): O {
    const w = this.width;
    for (let i = 0, at = 0; at < n; i++, at += BLOCK) {
      const b = this.blocks[i];
      const m = Math.min(BLOCK, n - at);
      for (let j = 0; j < m; j++) out[at + j] = b[j * w + k];
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
