/**
 * An open-addressing hash from a pair of small non-negative integers to an index.
 * The decoder looks up (function, line) for every location line; a Map keyed by a
 * combined double hashes slowly once keys leave the small-integer range.
 */
export class PairIndex {
  private a: Int32Array;
  private b: Int32Array;
  private value: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.value = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  private slot(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.value[i] !== -1 && (this.a[i] !== a || this.b[i] !== b)) i = (i + 1) & this.mask;
    return i;
  }

  /** The index stored for (a, b), or -1. */
  get(a: number, b: number): number {
    return this.value[this.slot(a, b)];
  }

  set(a: number, b: number, v: number): void {
    const i = this.slot(a, b);
    if (this.value[i] === -1) {
      this.a[i] = a;
      this.b[i] = b;
      if (++this.size * 2 > this.mask) {
        this.value[i] = v;
        this.grow();
        return;
      }
    }
    this.value[i] = v;
  }

  private grow(): void {
    const { a, b, value } = this;
    const cap = (this.mask + 1) * 2;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.value = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    for (let i = 0; i < value.length; i++) {
      if (value[i] === -1) continue;
      const j = this.slot(a[i], b[i]);
      this.a[j] = a[i];
      this.b[j] = b[i];
      this.value[j] = value[i];
    }
  }
}
