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

export class SlotF64 {
  blocks: Float64Array[] = [];
  /** `width` numbers per slot (side by side, so a slot's fields share a cache line). */
  constructor(
    private readonly fill = 0,
    private readonly width = 1,
  ) {}

  /** Makes slot `s` addressable (slots are added in order). */
  ensure(s: number): void {
    while (s >>> BLOCK_BITS >= this.blocks.length) {
      const b = new Float64Array(BLOCK * this.width);
      if (this.fill !== 0) b.fill(this.fill);
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

  /** Slots [0, n) as one array (one field per slot only); the blocks are released. */
  take(n: number): Float64Array {
    if (this.width !== 1) throw new Error('SlotF64.take: one field per slot only');
    const out = new Float64Array(n);
    copyBlocks(this.blocks, out, n);
    this.blocks = [];
    return out;
  }

  release(): void {
    this.blocks = [];
  }
}

export class SlotI32 {
  blocks: Int32Array[] = [];
  constructor(private readonly fill = 0) {}

  ensure(s: number): void {
    while (s >>> BLOCK_BITS >= this.blocks.length) {
      const b = new Int32Array(BLOCK);
      if (this.fill !== 0) b.fill(this.fill);
      this.blocks.push(b);
    }
  }

  get(s: number): number {
    return this.blocks[s >>> BLOCK_BITS][s & MASK];
  }

  set(s: number, v: number): void {
    this.blocks[s >>> BLOCK_BITS][s & MASK] = v;
  }

  add(s: number, v: number): void {
    this.blocks[s >>> BLOCK_BITS][s & MASK] += v;
  }

  take(n: number): Int32Array {
    const out = new Int32Array(n);
    copyBlocks(this.blocks, out, n);
    this.blocks = [];
    return out;
  }

  release(): void {
    this.blocks = [];
  }
}

function copyBlocks<T extends Float64Array | Int32Array>(blocks: T[], out: T, n: number): void {
  for (let i = 0, at = 0; at < n; i++, at += BLOCK) {
    const b = blocks[i];
    const len = Math.min(BLOCK, n - at);
    out.set(len === b.length ? b : (b.subarray(0, len) as T), at);
    blocks[i] = undefined as unknown as T; // free each block as soon as it is copied
  }
}
