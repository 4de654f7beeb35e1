/**
 * Line scanner over raw UTF-8 bytes for the debug=2 parser. Lines are byte ranges: the
 * scanner hashes them and decodes only lines it has not seen before, so a dump of a
 * million goroutines (hundreds of MB, more than one V8 string can hold) is read without
 * decoding it whole or making an array of its lines.
 */

const PROGRESS_EVERY = 8 * 1024 * 1024;

export class ByteLines {
  /** Current line: bytes[s, e), without "\n" or "\r\n". */
  s = 0;
  e = 0;
  /** 1-based number of the current line. */
  lineNo = 0;
  /** The current line is the last one and had no newline (often a cut-off file). */
  partial = false;

  private pos = 0;
  private nextProgress = PROGRESS_EVERY;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(
    readonly bytes: Uint8Array,
    private readonly onProgress?: (bytesDone: number, bytesTotal: number) => void,
  ) {
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3; // BOM
  }

  next(): boolean {
    const b = this.bytes;
    const len = b.length;
    let i = this.pos;
    if (i >= len) {
      this.onProgress?.(len, len);
      return false;
    }
    this.s = i;
    const nl = b.indexOf(10, i);
    const end = nl < 0 ? len : nl;
    this.partial = end >= len;
    this.pos = end + 1;
    let e = end;
    if (e > this.s && b[e - 1] === 13) e--;
    this.e = e;
    this.lineNo++;
    if (this.pos >= this.nextProgress) {
      this.nextProgress = this.pos + PROGRESS_EVERY;
      this.onProgress?.(Math.min(this.pos, len), len);
    }
    return true;
  }

  /** Puts the hash of the whole current line in HASH. */
  hashLine(): void {
    hashBytes(this.bytes, this.s, this.e);
  }

  /** Puts the hash of the line up to its last "(" in HASH; returns that "(" or -1. */
  hashToLastParen(): number {
    const open = this.lastIndexOf(40);
    if (open > this.s) hashBytes(this.bytes, this.s, open);
    return open;
  }

  /** The current line as a string (decoded on demand). */
  text(s = this.s, e = this.e): string {
    return this.decoder.decode(this.bytes.subarray(s, e));
  }

  startsWith(ascii: string): boolean {
    if (this.e - this.s < ascii.length) return false;
    for (let i = 0; i < ascii.length; i++) if (this.bytes[this.s + i] !== ascii.charCodeAt(i)) return false;
    return true;
  }

  endsWith(ascii: string): boolean {
    const start = this.e - ascii.length;
    if (start < this.s) return false;
    for (let i = 0; i < ascii.length; i++) if (this.bytes[start + i] !== ascii.charCodeAt(i)) return false;
    return true;
  }

  /** Empty or only spaces and tabs. */
  isBlank(): boolean {
    const b = this.bytes;
    for (let i = this.s; i < this.e; i++) if (b[i] !== 32 && b[i] !== 9) return false;
    return true;
  }

  /** Last index of an ASCII byte in [s, e), or -1. */
  lastIndexOf(byte: number): number {
    for (let i = this.e - 1; i >= this.s; i--) if (this.bytes[i] === byte) return i;
    return -1;
  }
}

/** The two halves of the last hashBytes result (kept here to allocate nothing). */
export const HASH = { h1: 0, h2: 0 };

/**
 * Hashes bytes[s, e) into HASH: two independent 32-bit hashes over 4-byte words (two
 * short dependency chains, so the CPU runs them side by side), then the length.
 * Together 64 bits: the memo tables only tell apart the few thousand distinct lines of
 * a dump, where a collision is vanishingly unlikely, so lines are not compared byte by byte.
 */
export function hashBytes(b: Uint8Array, s: number, e: number): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x2545f491;
  let i = s;
  for (const end4 = s + ((e - s) & ~3); i < end4; i += 4) {
    const w = b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
    h1 = Math.imul(h1 ^ w, 0x5bd1e995);
    h1 ^= h1 >>> 15;
    h2 = Math.imul(h2 + w, 0x85ebca6b);
    h2 ^= h2 >>> 13;
  }
  for (; i < e; i++) {
    h1 = Math.imul(h1 ^ b[i], 0x5bd1e995);
    h2 = Math.imul(h2 + b[i], 0x85ebca6b);
  }
  HASH.h1 = h1 ^ Math.imul(e - s, 0x9e3779b1);
  HASH.h2 = (h2 ^ (h2 >>> 16)) + (e - s);
}
