/** Byte-level helpers of both trace formats: uvarints, wire ids, the format error. */
import { ParseError } from '../parse-error';

/**
 * Reads the uvarint at `pos` (before `end`) into out[i]; returns the position after it, or
 * -1 for a bad varint. Accepts padded (non-minimal) varints up to 10 bytes; values above
 * 2^53 lose precision (IDs that large are corrupt anyway). Returns only small integers,
 * and stores the value into a typed array, so no call boxes a double.
 */
export function readUv(buf: Uint8Array, pos: number, end: number, out: Float64Array, i: number): number {
  if (pos + 4 <= end) {
    // Up to 4 bytes (28 bits) in integer arithmetic: ids, seqs and time deltas.
    let b = buf[pos];
    if (b < 0x80) {
      out[i] = b;
      return pos + 1;
    }
    let x = b & 0x7f;
    b = buf[pos + 1];
    if (b < 0x80) {
      out[i] = x | (b << 7);
      return pos + 2;
    }
    x |= (b & 0x7f) << 7;
    b = buf[pos + 2];
    if (b < 0x80) {
      out[i] = x | (b << 14);
      return pos + 3;
    }
    x |= (b & 0x7f) << 14;
    b = buf[pos + 3];
    if (b < 0x80) {
      out[i] = x | (b << 21);
      return pos + 4;
    }
  }
  return readUvSlow(buf, pos, end, out, i);
}

function readUvSlow(buf: Uint8Array, pos: number, end: number, out: Float64Array, i: number): number {
  let x = 0;
  let mul = 1;
  for (let k = 0; k < 10; k++) {
    if (pos >= end) return -1;
    const b = buf[pos++];
    if (b < 0x80) {
      if (k === 9 && b > 1) return -1; // overflows 64 bits
      out[i] = x + b * mul;
      return pos;
    }
    x += (b & 0x7f) * mul;
    mul *= 128;
  }
  return -1;
}

/** readUv with a moving position, for tables and headers; NaN on a bad varint. */
export class ByteReader {
  private readonly v = new Float64Array(1);
  constructor(
    readonly buf: Uint8Array,
    public pos: number,
    public end: number,
  ) {}

  uv(): number {
    const p = readUv(this.buf, this.pos, this.end, this.v, 0);
    if (p < 0) return NaN;
    this.pos = p;
    return this.v[0];
  }

  byte(): number {
    return this.pos < this.end ? this.buf[this.pos++] : -1;
  }
}

/** Wire IDs of "no M / no P" are 2^64-1; anything that large maps to -1. */
export function wireId(v: number): number {
  return v >= 9223372036854775807 ? -1 : v;
}

export class TraceFormatError extends ParseError {
  constructor(
    message: string,
    offset: number,
    /** Generation of the batch that failed to read, when its header was readable. */
    readonly gen = 0,
  ) {
    super(message, offset);
    this.name = 'TraceFormatError';
  }
}

export function fail(message: string, offset: number): never {
  throw new TraceFormatError(message, offset);
}
