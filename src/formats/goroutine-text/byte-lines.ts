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
  // Hash state from the pass that found the line's end (see next()).
  private hashed = false;
  private lh1 = 0;
  private lh2 = 0;
  private hashEnd = 0;
  private paren = -1;
  private ph1 = 0;
  private ph2 = 0;
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
    const first = b[i];
    let end: number;
    // Stack lines (tab: file:line; a letter: function, created by, header) are hashed in
    // the same pass that finds their end, remembering the state at the last "(".
    if (first === 9 || (first >= 97 && first <= 122) || (first >= 65 && first <= 90)) {
      let h1 = FNV_SEED;
      let h2 = 0;
      let paren = -1;
      let ph1 = 0;
      let ph2 = 0;
      for (; i < len; i++) {
        const c = b[i];
        if (c === 10) break;
        if (c === 40) {
          paren = i;
          ph1 = h1;
          ph2 = h2;
        }
        h1 = Math.imul(h1 ^ c, 16777619);
        h2 = (Math.imul(h2, 31) + c) | 0;
      }
      end = i;
      this.hashed = true;
      this.lh1 = h1;
      this.lh2 = h2;
      this.hashEnd = end;
      this.paren = paren;
      this.ph1 = ph1;
      this.ph2 = ph2;
    } else {
      const nl = b.indexOf(10, i);
      end = nl < 0 ? len : nl;
      this.hashed = false;
    }
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

  /** Puts the hash of the whole current line in HASH (the "\r" of CRLF included). */
  hashLine(): void {
    if (this.hashed) finishHash(this.lh1, this.lh2, this.hashEnd - this.s);
    else hashBytes(this.bytes, this.s, this.e);
  }

  /** Puts the hash of the line up to its last "(" in HASH; returns that "(" or -1. */
  hashToLastParen(): number {
    let open: number;
    if (this.hashed) {
      open = this.paren;
      if (open > this.s) finishHash(this.ph1, this.ph2, open - this.s);
    } else {
      open = this.lastIndexOf(40);
      if (open > this.s) hashBytes(this.bytes, this.s, open);
    }
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

const FNV_SEED = 0x811c9dc5;

/**
 * Hashes bytes[s, e) into HASH: FNV-1a and a multiplicative hash, then the length.
 * Together 64 bits: the memo tables only tell apart the few thousand distinct lines of
 * a dump, where a collision is vanishingly unlikely, so lines are not compared byte by byte.
 */
export function hashBytes(b: Uint8Array, s: number, e: number): void {
  let h1 = FNV_SEED;
  let h2 = 0;
  for (let i = s; i < e; i++) {
    const c = b[i];
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = (Math.imul(h2, 31) + c) | 0;
  }
  finishHash(h1, h2, e - s);
}

function finishHash(h1: number, h2: number, len: number): void {
  HASH.h1 = h1 ^ Math.imul(len, 0x9e3779b1);
  HASH.h2 = (h2 + len) | 0;
}
