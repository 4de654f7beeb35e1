/**
 * Raw v1 events, as go1.21 parser.go readTrace reads them: an event's type and arguments,
 * decoded into one reused record. The string table is read here too, as parser.go reads
 * it, by the index pass (`keepStrings`).
 */
import type { TraceSymbols } from '../../../model/trace';
import { LocalIds } from '../build/idmap';
import { fail, readUv } from '../bytes';
import { decodeUtf8 } from '../../utf8';
import * as V from './spec';

export const MAX_U64 = 18446744073709551615; // 2^64-1 as a double
export const MAX_I32 = 2147483647;
/** badVarint's `what` for event arguments (the message names the event type only on failure). */
const ARGUMENT = 'argument';

export class RawReader {
  typ = 0;
  /** Count of args, timestamp first for timed events. */
  n = 0;
  /** Length-prefixed args fill at most 2048 bytes. */
  readonly args = new Float64Array(2048);
  /** v1 string id → TraceSymbols string id. */
  readonly strings = new LocalIds();
  /** UserLog message (start/end offsets in the file). */
  private strStart = 0;
  private strEnd = 0;
  /** The varints that are not arguments. */
  private readonly v = new Float64Array(2);

  constructor(
    private readonly buf: Uint8Array,
    private readonly ver: number,
    private readonly syms: TraceSymbols,
  ) {}

  /**
   * Reads the event at `pos`; returns the position after it, or -1 at the end of the
   * file. Strings are stored when `keepStrings` (the index pass).
   */
  read(pos: number, keepStrings: boolean): number {
    const buf = this.buf;
    const end = buf.length;
    if (pos >= end) return -1;
    const at = pos;
    const b = buf[pos++];
    const typ = b & 0x3f;
    const narg = (b >> 6) + 1;
    if (typ === V.EV_NONE || typ >= V.EV_COUNT || V.DESCS[typ].minVersion > this.ver) {
      fail(`unknown event type ${typ} (offset ${at})`, at);
    }
    this.typ = typ;
    this.n = 0;
    const v = this.v;
    const args = this.args;
    if (typ === V.EV_STRING) {
      pos = readUv(buf, pos, end, v, 0);
      if (pos < 0) this.badVarint('string id', at);
      pos = readUv(buf, pos, end, v, 1);
      if (pos < 0) this.badVarint('string length', at);
      const id = v[0];
      const len = v[1];
      if (keepStrings) {
        if (id === 0) fail(`string has invalid id 0 (offset ${at})`, at);
        if (this.strings.has(id)) fail(`string has duplicate id ${id} (offset ${at})`, at);
        if (len === 0) fail(`string has invalid length 0 (offset ${at})`, at);
        if (len > 1e6) fail(`string has too large length ${len} (offset ${at})`, at);
      }
      if (pos + len > end) fail(`failed to read trace: unexpected EOF in a string (offset ${at})`, at);
      if (keepStrings) this.strings.set(id, this.syms.intern(decodeUtf8(buf, pos, pos + len)));
      return pos + len;
    }
    if (typ === V.EV_BATCH) {
      if (narg !== 2) fail(`EvBatch has wrong number of arguments: got ${narg}, want 2 (offset ${at})`, at);
      pos = readUv(buf, pos, end, v, 0);
      if (pos < 0) this.badVarint('batch', at);
      const pid = v[0];
      if (pid !== MAX_U64 && pid > MAX_I32) fail(`processor ID ${pid} is larger than maximum of ${MAX_I32} (offset ${at})`, at);
      pos = readUv(buf, pos, end, args, 1);
      if (pos < 0) this.badVarint('batch', at);
      args[0] = pid === MAX_U64 ? -1 : pid;
      this.n = 2;
      return pos;
    }
    if (narg <= 3) {
      for (let i = 0; i < narg; i++) {
        pos = readUv(buf, pos, end, args, i);
        if (pos < 0) this.badVarint(ARGUMENT, at);
      }
      this.n = narg;
      return pos;
    }
    pos = readUv(buf, pos, end, v, 0);
    if (pos < 0) this.badVarint(ARGUMENT, at);
    const len = v[0];
    if (len > 2048) {
      fail(`failed to read event ${typ} argument: length-prefixed argument too big: ${len} bytes, limit is 2048 (offset ${at})`, at);
    }
    const stop = pos + len;
    if (stop > end) fail(`failed to read trace: unexpected EOF (offset ${at})`, at);
    let n = 0;
    while (pos < stop) {
      if (n === args.length) fail(`event ${typ} has too many arguments (offset ${at})`, at);
      pos = readUv(buf, pos, end, args, n++);
      if (pos < 0) this.badVarint(ARGUMENT, at);
      if (pos > stop) fail(`failed to read event ${typ} argument: malformatted base-128 varint (offset ${at})`, at);
    }
    this.n = n;
    if (typ === V.EV_USER_LOG) {
      pos = readUv(buf, pos, end, v, 0);
      if (pos < 0) this.badVarint('user log message', at);
      const sz = v[0];
      if (sz > 1e6) fail(`string is too large (len=${sz}) (offset ${at})`, at);
      if (pos + sz > end) fail(`failed to read trace: unexpected EOF (offset ${at})`, at);
      this.strStart = pos;
      this.strEnd = pos + sz;
      pos += sz;
    }
    return pos;
  }

  /** The message of the UserLog just read, interned (parser.go keeps an inline-string table). */
  internMessage(): number {
    return this.syms.intern(decodeUtf8(this.buf, this.strStart, this.strEnd));
  }

  /** Fails unless the event just read has its type's number of arguments. */
  checkArgs(at: number): void {
    const want = V.ARG_NUM[this.typ];
    if (want >= 0 && this.n !== want) {
      fail(`${V.DESCS[this.typ].name} has wrong number of arguments: want ${want}, got ${this.n} (offset ${at})`, at);
    }
  }

  private badVarint(what: string, at: number): never {
    const field = what === ARGUMENT ? `failed to read event ${this.typ} argument` : what;
    return fail(`${field}: malformatted base-128 varint (offset ${at})`, at);
  }
}
