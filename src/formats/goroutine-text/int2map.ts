/**
 * A hash map from two int32 keys to a non-negative int32 value, in typed arrays: no
 * allocation per lookup (a Map with keys past 2^31 boxes every key as a heap number),
 * which matters when it is consulted once per line of a dump of a million goroutines.
 */
export class Int2Map {
  private ka: Int32Array;
  private kb: Int32Array;
  private val: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.ka = new Int32Array(cap);
    this.kb = new Int32Array(cap);
    this.val = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  /** The value for (a, b), or -1. */
  get(a: number, b: number): number {
    const { ka, kb, val, mask } = this;
    let i = slot(a, b) & mask;
    for (;;) {
      const v = val[i];
      if (v < 0) return -1;
      if (ka[i] === a && kb[i] === b) return v;
      i = (i + 1) & mask;
    }
  }

  set(a: number, b: number, v: number): void {
    if ((this.size + 1) * 2 > this.val.length) this.grow();
    const { ka, kb, val, mask } = this;
    let i = slot(a, b) & mask;
    for (;;) {
      if (val[i] < 0) {
        ka[i] = a;
        kb[i] = b;
        val[i] = v;
        this.size++;
        return;
      }
      if (ka[i] === a && kb[i] === b) {
        val[i] = v;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { ka, kb, val } = this;
    const cap = val.length * 2;
    this.ka = new Int32Array(cap);
    this.kb = new Int32Array(cap);
    this.val = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < val.length; i++) if (val[i] >= 0) this.set(ka[i], kb[i], val[i]);
  }
}

function slot(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
}
