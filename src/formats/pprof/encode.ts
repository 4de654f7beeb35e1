/**
 * PprofDoc → profile.proto bytes (not gzipped), the writing half of wire.ts: the one
 * protobuf encoder of the app. Field numbers are profile.proto's
 * (github.com/google/pprof/proto/profile.proto).
 */
import type { DocLabel, DocSample, PprofDoc } from '../../model/pprof-doc';
import type { ValueType } from '../../model/profile';
import { StringTable } from '../../model/string-table';
import { WIRE_LEN, WIRE_VARINT } from './wire';

const utf8 = new TextEncoder();

/** A growable byte buffer with protobuf's varint and length-delimited writes. */
class Writer {
  buf = new Uint8Array(256);
  length = 0;

  reset(): void {
    this.length = 0;
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** A varint; negative numbers as int64 two's complement (ten bytes), as Go writes them. */
  varint(v: number): void {
    this.room(10);
    if (v < 0) {
      let x = BigInt.asUintN(64, BigInt(v));
      while (x >= 0x80n) {
        this.buf[this.length++] = Number(x & 0x7fn) | 0x80;
        x >>= 7n;
      }
      this.buf[this.length++] = Number(x);
      return;
    }
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  tag(field: number, wire: number): void {
    this.varint(field * 8 + wire);
  }

  /** A varint field, left out when zero (proto3's default). */
  int(field: number, v: number): void {
    if (v === 0) return;
    this.tag(field, WIRE_VARINT);
    this.varint(v);
  }

  bytes(field: number, b: Uint8Array): void {
    this.tag(field, WIRE_LEN);
    this.varint(b.length);
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Another writer's content as a length-delimited field. */
  message(field: number, w: Writer): void {
    this.bytes(field, w.view());
  }

  /** Repeated varints, packed (as proto3 and Go write them). */
  packed(field: number, values: ArrayLike<number>, scratch: Writer): void {
    if (values.length === 0) return;
    scratch.reset();
    for (let i = 0; i < values.length; i++) scratch.varint(values[i]);
    this.message(field, scratch);
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** Scratch writers for the nested messages, reused across them. */
class Scratch {
  readonly inner = new Writer();
  readonly packed = new Writer();
  readonly msg = new Writer();
}

function valueType(out: Writer, field: number, t: ValueType, s: StringTable, w: Writer): void {
  w.reset();
  w.int(1, s.intern(t.type));
  w.int(2, s.intern(t.unit));
  out.message(field, w);
}

function label(out: Writer, l: DocLabel, s: StringTable, w: Writer): void {
  w.reset();
  w.int(1, s.intern(l.key));
  if (l.str !== null) w.int(2, s.intern(l.str));
  else {
    w.int(3, l.num);
    w.int(4, s.intern(l.unit));
  }
  out.message(3, w);
}

function sample(out: Writer, x: DocSample, s: StringTable, sc: Scratch): void {
  const w = sc.msg;
  w.reset();
  w.packed(1, x.locations, sc.packed);
  w.packed(2, x.values, sc.packed);
  for (const l of x.labels) label(w, l, s, sc.inner);
  out.message(2, w);
}

export function encodePprof(doc: PprofDoc): Uint8Array {
  const s = new StringTable();
  const out = new Writer();
  const sc = new Scratch();
  const w = sc.msg;
  for (const t of doc.sampleTypes) valueType(out, 1, t, s, w);
  for (const x of doc.samples) sample(out, x, s, sc);
  doc.mappings.forEach((m, i) => {
    w.reset();
    w.int(1, i + 1);
    w.int(2, m.start);
    w.int(3, m.limit);
    w.int(4, m.offset);
    w.int(5, s.intern(m.file));
    w.int(6, s.intern(m.buildId));
    out.message(3, w);
  });
  doc.locations.forEach((l, i) => {
    w.reset();
    w.int(1, i + 1);
    w.int(2, l.mapping);
    w.int(3, l.address);
    for (const ln of l.lines) {
      sc.inner.reset();
      sc.inner.int(1, ln.func);
      sc.inner.int(2, ln.line);
      w.message(4, sc.inner);
    }
    out.message(4, w);
  });
  doc.functions.forEach((f, i) => {
    w.reset();
    w.int(1, i + 1);
    const name = s.intern(f.name);
    w.int(2, name);
    // Go's writers repeat the name as the system name; pprof shows either.
    w.int(3, name);
    w.int(4, s.intern(f.file));
    out.message(5, w);
  });
  out.int(9, doc.timeNanos);
  out.int(10, doc.durationNanos);
  if (doc.periodType) valueType(out, 11, doc.periodType, s, w);
  out.int(12, doc.period);
  for (const c of doc.comments) out.int(13, s.intern(c));
  if (doc.defaultSampleType) out.int(14, s.intern(doc.defaultSampleType));
  // Last, once every string above is interned; index 0 is "".
  for (const str of s.list) out.bytes(6, utf8.encode(str));
  return out.view().slice();
}
