/**
 * Memo tables for the debug=2 scanner. A dump of a million goroutines repeats the same
 * few hundred frames and headers, so each line is looked up by a hash of its bytes and
 * decoded and parsed only the first time. Parts that differ per goroutine are left out
 * of the key: the id in headers, the arguments of function lines, the parent id of
 * "created by" lines.
 */
import type { ProfileBuilder } from '../../model/profile-builder';
import { StringTable } from '../../model/string-table';
import { HASH, hashBytes, type ByteLines } from './byte-lines';
import { parseCreatedBy, parseFileLine, parseFuncLine, parseHeader, type GoroutineHeader } from './grammar';
import { Int2Map } from './int2map';

/** Lines with per-goroutine parts (fp=/sp=, gp=) would grow a memo without bound. */
const MEMO_LIMIT = 100_000;

/** "\tfile:line[ +0x…][ fp=…]" lines → location ids; (function, location) → frames. */
export class FrameCache {
  private readonly byHash = new Int2Map();
  private readonly byText = new StringTable([]);
  private readonly locFile: number[] = [];
  private readonly locLine: number[] = [];
  private readonly frames = new Int2Map();
  private readonly tmp = { file: '', line: 0 };

  constructor(private readonly b: ProfileBuilder) {}

  /** Location id of the current line, -1 if it is not a file:line line. */
  loc(r: ByteLines): number {
    r.hashLine();
    const hit = this.byHash.get(HASH.h1, HASH.h2);
    if (hit >= 0) return hit;
    const { h1, h2 } = HASH;
    const line = r.text();
    // fp=/sp=/pc= differ per goroutine: key those lines without them.
    const fp = line.indexOf(' fp=');
    const key = fp < 0 ? line : line.slice(0, fp);
    let id = this.byText.find(key);
    if (id < 0) {
      if (!parseFileLine(line, this.tmp)) return -1;
      id = this.byText.intern(key);
      this.locFile.push(this.b.intern(this.tmp.file));
      this.locLine.push(this.tmp.line);
    }
    if (this.byHash.size < MEMO_LIMIT) this.byHash.set(h1, h2, id);
    return id;
  }

  private readonly byFuncLine = new Int2Map(4096);

  /**
   * The frame of function `funcIdx` at the current "\tfile:line" line, -1 if it is not
   * one: one lookup keyed by the line's hash and the function.
   */
  frameAt(r: ByteLines, funcIdx: number): number {
    r.hashLine();
    const k1 = HASH.h1 ^ Math.imul(funcIdx + 1, 0x9e3779b1);
    const k2 = HASH.h2;
    const hit = this.byFuncLine.get(k1, k2);
    if (hit >= 0) return hit;
    const loc = this.loc(r);
    if (loc < 0) return -1;
    const f = this.frame(funcIdx, loc);
    if (this.byFuncLine.size < MEMO_LIMIT) this.byFuncLine.set(k1, k2, f);
    return f;
  }

  frame(funcIdx: number, loc: number): number {
    let f = this.frames.get(funcIdx, loc);
    if (f < 0) {
      f = this.b.frameByIndex(funcIdx, this.locFile[loc], this.locLine[loc]);
      this.frames.set(funcIdx, loc, f);
    }
    return f;
  }
}

/** "pkg.f(args)" → interned function name, keyed on the bytes before the last "(". */
export class FuncLineCache {
  private readonly names = new Int2Map();

  constructor(private readonly b: ProfileBuilder) {}

  /** Function name index of the current line, -1 if it is not a function line. */
  funcLine(r: ByteLines): number {
    if (r.e === r.s || r.bytes[r.e - 1] !== 41) return -1; // ')'
    const open = r.hashToLastParen();
    if (open <= r.s) return -1;
    // A name seen before in a valid frame line: its arguments are not checked again.
    const known = this.names.get(HASH.h1, HASH.h2);
    if (known >= 0) return known;
    const { h1, h2 } = HASH;
    const name = parseFuncLine(r.text());
    if (name === null) return -1;
    const idx = this.b.intern(name);
    this.names.set(h1, h2, idx);
    return idx;
  }
}

const FRAME_SEED = 0x811c9dc5;
const IN_GOROUTINE = ' in goroutine ';

/** "created by pkg.f[ in goroutine N]" → function name index and parent id. */
export class CreatedByCache {
  private readonly names = new Int2Map();
  readonly out = { func: -1, parent: -1 };

  constructor(private readonly b: ProfileBuilder) {}

  /** Fills `out`; false if the current line is not a created-by line. */
  parse(r: ByteLines): boolean {
    const bytes = r.bytes;
    // Split off a trailing " in goroutine N" without decoding.
    let i = r.e;
    let parent = 0;
    let mul = 1;
    while (i > r.s && bytes[i - 1] >= 48 && bytes[i - 1] <= 57) {
      parent += (bytes[i - 1] - 48) * mul;
      mul *= 10;
      i--;
    }
    let cut = r.e;
    if (i < r.e && i - IN_GOROUTINE.length > r.s) {
      let ok = true;
      for (let k = 0; k < IN_GOROUTINE.length; k++) {
        if (bytes[i - IN_GOROUTINE.length + k] !== IN_GOROUTINE.charCodeAt(k)) {
          ok = false;
          break;
        }
      }
      if (ok) cut = i - IN_GOROUTINE.length;
    }
    this.out.parent = cut === r.e ? -1 : parent;
    hashBytes(bytes, r.s, cut);
    let f = this.names.get(HASH.h1, HASH.h2);
    if (f < 0) {
      const { h1, h2 } = HASH;
      const cb = parseCreatedBy(r.text());
      if (!cb) return false;
      f = this.b.intern(cb.func);
      this.names.set(h1, h2, f);
    }
    this.out.func = f;
    return true;
  }
}

/** Goroutine headers, keyed on the bytes from the "[" ("[IO wait, 3 minutes]:"). */
export class HeaderCache {
  private readonly byRest = new Int2Map();
  private readonly headers: GoroutineHeader[] = [];
  /** The last parsed header's id (the rest comes from the memo). */
  id = 0;

  /** The current line's header (its `id` field is not set: read `this.id`), or null. */
  parse(r: ByteLines): GoroutineHeader | null {
    const b = r.bytes;
    let i = r.s + 10; // "goroutine ".length
    let id = 0;
    for (; i < r.e; i++) {
      const c = b[i];
      if (c < 48 || c > 57) break;
      id = id * 10 + (c - 48);
    }
    this.id = id;
    // Key from the "[": " gp=… m=… mp=…" (Go 1.23+ crash dumps) differs per goroutine.
    while (i < r.e && b[i] !== 91) i++;
    hashBytes(b, i, r.e);
    const known = this.byRest.get(HASH.h1, HASH.h2);
    if (known >= 0) return this.headers[known];
    const { h1, h2 } = HASH;
    const parsed = parseHeader(r.text());
    if (parsed && this.byRest.size < MEMO_LIMIT) {
      this.byRest.set(h1, h2, this.headers.length);
      this.headers.push(parsed);
    }
    return parsed;
  }
}

/** Stacks → trie nodes, in front of ProfileBuilder.child. */
export class TrieCache {
  private readonly children = new Int2Map(4096);
  private readonly stacks = new Int2Map(4096);

  constructor(private readonly b: ProfileBuilder) {}

  /** The node of frames[0, n) (leaf first): one lookup by a hash of the frame ids. */
  stackOf(frames: number[], n: number): number {
    let h1 = FRAME_SEED ^ n;
    let h2 = n;
    for (let i = 0; i < n; i++) {
      const f = frames[i];
      h1 = Math.imul(h1 ^ f, 16777619);
      h2 = (Math.imul(h2, 31) + f) | 0;
    }
    let node = this.stacks.get(h1, h2);
    if (node < 0) {
      node = this.stackLeafFirst(frames, n);
      if (this.stacks.size < MEMO_LIMIT) this.stacks.set(h1, h2, node);
    }
    return node;
  }

  /** The node of a stack given leaf first. */
  stackLeafFirst(frames: number[], n: number): number {
    let node = 0;
    for (let i = n - 1; i >= 0; i--) {
      const f = frames[i];
      let c = this.children.get(node, f);
      if (c < 0) {
        c = this.b.child(node, f);
        this.children.set(node, f, c);
      }
      node = c;
    }
    return node;
  }
}
