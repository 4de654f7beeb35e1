/** Append-only typed-array columns that double their capacity as they fill. */

export class GrowableInt32 {
  private data: Int32Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Int32Array(Math.max(16, initialCapacity));
  }

  push(v: number): number {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i];
  }

  set(i: number, v: number): void {
    this.data[i] = v;
  }

  private grow(): void {
    const next = new Int32Array(this.data.length * 2);
    next.set(this.data);
    this.data = next;
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

  /** The filled part without copying; valid until the next push. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  /** A right-sized copy; the builder keeps nothing after this. */
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }

  /** Like finish(), but skips the copy when at least half the capacity is in use. */
  trimmed(): Int32Array {
    return this.length * 2 >= this.data.length ? this.data.subarray(0, this.length) : this.finish();
  }
}

export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(Math.max(16, initialCapacity));
  }

  push(v: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i];
  }

  add(i: number, v: number): void {
    this.data[i] += v;
  }

  finish(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
