/**
 * A minimal protobuf wire reader over a byte array. It allocates nothing per
 * field, which is what lets the decoder run near memory speed (see bench).
 */
import { ParseError } from '../parse-error';

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

export class WireError extends ParseError {
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`, offset);
    this.name = 'WireError';
  }
}

export class Wire {
  pos: number;

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    public end = buf.length,
  ) {
    this.pos = start;
  }

  /** An unsigned varint as a number (exact below 2^53; int64 negatives handled by int64()). */
  uint(): number {
    const b = this.buf;
    let p = this.pos;
    let byte = b[p++];
    if (byte < 0x80) {
      if (p > this.end) throw new WireError('truncated varint', this.pos);
      this.pos = p;
      return byte;
    }
    let lo = byte & 0x7f;
    let shift = 7;
    // Low 28 bits with 32-bit math, the rest with float math.
    while (shift < 28) {
      byte = b[p++];
      lo |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        if (p > this.end) throw new WireError('truncated varint', this.pos);
        this.pos = p;
        return lo >>> 0;
      }
      shift += 7;
    }
    let value = lo >>> 0;
    let mul = 268435456; // 2^28
    for (let i = 0; i < 6; i++) {
      byte = b[p++];
      if (byte === undefined || p > this.end) throw new WireError('truncated varint', this.pos);
      value += (byte & 0x7f) * mul;
      if (byte < 0x80) {
        this.pos = p;
        return value;
      }
      mul *= 128;
    }
    throw new WireError('varint longer than 10 bytes', this.pos);
  }

  /**
   * A two's-complement int64 varint (pprof values may be negative, e.g. diffs).
   * Decoded as two 32-bit halves so negatives are exact.
   */
  int64(): number {
    const b = this.buf;
    const start = this.pos;
    let p = start;
    let lo = 0;
    let hi = 0;
    let byte = 0;
    let done = false;
    for (let shift = 0; shift < 28 && !done; shift += 7) {
      byte = b[p++];
      lo |= (byte & 0x7f) << shift;
      done = byte < 0x80;
    }
    if (!done) {
      byte = b[p++];
      lo |= (byte & 0x0f) << 28;
      hi = (byte & 0x7f) >> 4;
      done = byte < 0x80;
      for (let shift = 3; shift < 32 && !done; shift += 7) {
        byte = b[p++];
        hi |= (byte & 0x7f) << shift;
        done = byte < 0x80;
      }
    }
    if (!done || p > this.end) throw new WireError(done ? 'truncated varint' : 'varint longer than 10 bytes', start);
    this.pos = p;
    if (hi & 0x80000000) {
      let nlo = (~lo >>> 0) + 1;
      let nhi = ~hi >>> 0;
      if (nlo > 0xffffffff) {
        nlo = 0;
        nhi++;
      }
      return -(nhi * 4294967296 + nlo);
    }
    return (hi >>> 0) * 4294967296 + (lo >>> 0);
  }

  tag(): number {
    return this.uint();
  }

  /** Length of a LEN field; checks it lies within the message. */
  len(): number {
    const n = this.uint();
    if (this.pos + n > this.end) throw new WireError(`field of ${n} bytes runs past the end of its message`, this.pos);
    return n;
  }

  skip(wireType: number): void {
    const at = this.pos;
    switch (wireType) {
      case WIRE_VARINT:
        this.uint();
        return;
      case WIRE_I64:
        this.pos += 8;
        break;
      case WIRE_LEN: {
        const n = this.len();
        this.pos += n;
        return;
      }
      case WIRE_I32:
        this.pos += 4;
        break;
      default:
        throw new WireError(`unsupported wire type ${wireType}`, this.pos);
    }
    // Said where the cut field starts: its end lies past the bytes there are.
    if (this.pos > this.end) throw new WireError(`truncated field: ${this.pos - this.end} bytes past the end`, at);
  }

  /**
   * Reads a repeated integer field in either encoding: packed (LEN) or one varint.
   * Calls `sink` for each value.
   */
  repeatedInts(wireType: number, signed: boolean, sink: (v: number) => void): void {
    if (wireType === WIRE_LEN) {
      const n = this.len();
      const stop = this.pos + n;
      const outer = this.end;
      this.end = stop;
      while (this.pos < stop) sink(signed ? this.int64() : this.uint());
      this.end = outer;
    } else if (wireType === WIRE_VARINT) {
      sink(signed ? this.int64() : this.uint());
    } else {
      throw new WireError(`wire type ${wireType} where integers were expected`, this.pos);
    }
  }
}

/** profile.proto's ValueType message: its type and unit, as string table indexes. */
export function readValueType(w: Wire): [number, number] {
  const n = w.len();
  const stop = w.pos + n;
  let type = 0;
  let unit = 0;
  while (w.pos < stop) {
    const t = w.tag();
    if (t === ((1 << 3) | WIRE_VARINT)) type = w.uint();
    else if (t === ((2 << 3) | WIRE_VARINT)) unit = w.uint();
    else w.skip(t & 7);
  }
  return [type, unit];
}
