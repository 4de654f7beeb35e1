/** Growable typed columns with random-access set (the model's growable.ts is append-only). */

export class F64 {
  data: Float64Array;
  length = 0;
  constructor(cap = 256) {
    this.data = new Float64Array(cap);
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const d = new Float64Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  finish(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

export class I32 {
  data: Int32Array;
  length = 0;
  constructor(cap = 256) {
    this.data = new Int32Array(cap);
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const d = new Int32Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  finish(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

export class U8 {
  data: Uint8Array;
  length = 0;
  constructor(cap = 256) {
    this.data = new Uint8Array(cap);
  }
  push(v: number): number {
    if (this.length === this.data.length) {
      const d = new Uint8Array(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length] = v;
    return this.length++;
  }
  finish(): Uint8Array {
    return this.data.subarray(0, this.length);
  }
}

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
