/** Unsigned LEB128 reading over a Uint8Array, bounded by `end`; NaN on a bad varint. */

export class ByteReader {
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    public end: number,
  ) {}

  /** Accepts padded (non-minimal) varints up to 10 bytes; values above 2^53 lose precision. */
  uv(): number {
    const buf = this.buf;
    let pos = this.pos;
    if (pos >= this.end) return NaN;
    let b = buf[pos++];
    if (b < 0x80) {
      this.pos = pos;
      return b;
    }
    let x = b & 0x7f;
    let mul = 128;
    for (let i = 1; i < 10; i++) {
      if (pos >= this.end) return NaN;
      b = buf[pos++];
      if (b < 0x80) {
        if (i === 9 && b > 1) return NaN; // overflows 64 bits
        this.pos = pos;
        return x + b * mul;
      }
      x += (b & 0x7f) * mul;
      mul *= 128;
    }
    return NaN;
  }

  byte(): number {
    return this.pos < this.end ? this.buf[this.pos++] : -1;
  }
}

/** Wire IDs of "no M / no P" are 2^64-1; anything that large maps to -1. */
export function wireId(v: number): number {
  return v >= 9223372036854775807 ? -1 : v;
}

export class TraceFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** Generation of the batch that failed to read, when its header was readable. */
    readonly gen = 0,
  ) {
    super(message);
    this.name = 'TraceFormatError';
  }
}

const decoder = new TextDecoder('utf-8');
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  // Short ASCII strings dominate; avoid the TextDecoder call overhead for them.
  if (end - start < 64) {
    let ascii = true;
    for (let i = start; i < end; i++) if (buf[i] >= 0x80) { ascii = false; break; }
    if (ascii) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(buf[i]);
      return s;
    }
  }
  return decoder.decode(buf.subarray(start, end));
}
