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

/** True when slot `s` is the first of a new block (call HotRows.ensure then). */
export function startsBlock(s: number): boolean {
  return (s & MASK) === 0;
}

type Typed = Float64Array | Int32Array;

/** One number per slot. */
class SlotColumn<T extends Typed> {
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
    const b = this.blocks[s >>> BLOCK_BITS];
    return b === undefined ? this.fill : b[s & MASK];
  }

  set(s: number, v: number): void {
    const bi = s >>> BLOCK_BITS;
    (this.blocks[bi] ?? this.makeBlock(bi))[s & MASK] = v;
  }

  add(s: number, v: number): void {
    const bi = s >>> BLOCK_BITS;
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

/** Float64s per hot row: 64 bytes, one cache line. */
const HOT_F64 = 8;

/** Where slot `s`'s row starts in its block, in float64s. */
export function hotRow(s: number): number {
  return (s & MASK) * HOT_F64;
}

/**
 * Rows of 64 bytes per slot (one cache line), seen both as 8 float64s and as 16 int32s,
 * so a slot's times and its small integers share a line. A row's float field k is at
 * `floats(s)[row + k]` and its int field k at `ints(s)[2 * row + k]`, with `row = hotRow(s)`;
 * int fields must not overlap the float fields in use (int k >= 2 × their count).
 */
export class HotRows {
  private f: Float64Array[] = [];
  private i: Int32Array[] = [];
  /** `init` writes a fresh row's initial values into the two views of row 0. */
  constructor(private readonly init: (f: Float64Array, i: Int32Array) => void) {}

  /** Makes slot `s` addressable (slots are added in order). */
  ensure(s: number): void {
    while (s >>> BLOCK_BITS >= this.f.length) {
      const buf = new ArrayBuffer(BLOCK * HOT_F64 * 8);
      const f = new Float64Array(buf);
      const i = new Int32Array(buf);
      this.init(f, i);
      for (let n = HOT_F64; n < f.length; n *= 2) f.copyWithin(n, 0, Math.min(n, f.length - n));
      this.f.push(f);
      this.i.push(i);
    }
  }

  /** Slot `s`'s block as float64s; its row starts at hotRow(s) (as int32s, at twice that). */
  floats(s: number): Float64Array {
    return this.f[s >>> BLOCK_BITS];
  }

  ints(s: number): Int32Array {
    return this.i[s >>> BLOCK_BITS];
  }

  getF(s: number, k: number): number {
    return this.f[s >>> BLOCK_BITS][hotRow(s) + k];
  }

  getI(s: number, k: number): number {
    return this.i[s >>> BLOCK_BITS][hotRow(s) * 2 + k];
  }

  /** Float field `k` of slots [0, n) into `out`. */
  fieldF(n: number, k: number, out: Float64Array): Float64Array {
    for (let s = 0; s < n; s++) out[s] = this.getF(s, k);
    return out;
  }

  /** Int field `k` of slots [0, n) into `out`. */
  fieldI(n: number, k: number, out: Int32Array): Int32Array {
    for (let s = 0; s < n; s++) out[s] = this.getI(s, k);
    return out;
  }

  release(): void {
    this.f = [];
    this.i = [];
  }
}
