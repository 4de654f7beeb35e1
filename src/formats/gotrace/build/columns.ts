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

/** A small value (0 to 126) per small id (string or stack ids), computed once per id on first use. */
export class IdValues {
  private known: Int8Array = new Int8Array(64); // value + 1; 0: not computed yet

  constructor(private readonly compute: (id: number) => number) {}

  /** Small, so it inlines into the per-event paths; the first look at an id is out of line. */
  get(id: number): number {
    const k = this.known;
    const v = id < k.length ? k[id] : 0;
    return v === 0 ? this.learn(id) : v - 1;
  }

  private learn(id: number): number {
    if (id >= this.known.length) {
      const k = new Int8Array(Math.max(id + 1, this.known.length * 2));
      k.set(this.known);
      this.known = k;
    }
    const v = this.compute(id);
    this.known[id] = v + 1;
    return v;
  }
}

/** A yes/no property of small ids, computed once per id on first use. */
export class IdFlags extends IdValues {
  constructor(compute: (id: number) => boolean) {
    super((id) => (compute(id) ? 1 : 0));
  }

  has(id: number): boolean {
    return this.get(id) === 1;
  }
}
