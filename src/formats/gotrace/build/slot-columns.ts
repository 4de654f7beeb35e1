/**
 * Hot rows: a goroutine's working state in one cache line, in blocks of slots as the slot
 * columns of model/growable.ts (a block is made when its first slot is; see startsBlock).
 */
import { SLOT_BLOCK_BITS } from '../../../model/growable';

const BLOCK = 1 << SLOT_BLOCK_BITS;
const MASK = BLOCK - 1;

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
    while (s >>> SLOT_BLOCK_BITS >= this.f.length) {
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
    return this.f[s >>> SLOT_BLOCK_BITS];
  }

  ints(s: number): Int32Array {
    return this.i[s >>> SLOT_BLOCK_BITS];
  }

  getF(s: number, k: number): number {
    return this.f[s >>> SLOT_BLOCK_BITS][hotRow(s) + k];
  }

  getI(s: number, k: number): number {
    return this.i[s >>> SLOT_BLOCK_BITS][hotRow(s) * 2 + k];
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
