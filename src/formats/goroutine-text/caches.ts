/**
 * Turns (function name, "\tfile:line …" text) into a Profile frame index. A dump of a
 * million goroutines repeats the same few hundred frames, so the file:line text is looked
 * up before it is parsed, and the pair is keyed by two small integers, not a new string.
 */
import type { ProfileBuilder } from '../../model/profile-builder';
import { parseFileLine } from './grammar';

const LOC_LIMIT = 1 << 22;

export class FrameCache {
  private readonly locs = new Map<string, number>();
  private readonly locFile: number[] = [];
  private readonly locLine: number[] = [];
  private readonly frames = new Map<number, number>();
  private readonly tmp = { file: '', line: 0 };

  constructor(private readonly b: ProfileBuilder) {}

  /** Location id of a "\tfile:line[ +0x…][ fp=…]" line, -1 if it is not one. */
  loc(line: string): number {
    let end = line.indexOf(' +0x');
    if (end < 0) end = line.indexOf(' fp=');
    const key = end < 0 ? line : line.slice(0, end);
    let id = this.locs.get(key);
    if (id === undefined) {
      if (!parseFileLine(line, this.tmp)) return -1;
      id = this.locFile.length;
      this.locFile.push(this.b.intern(this.tmp.file));
      this.locLine.push(this.tmp.line);
      this.locs.set(key, id);
    }
    return id;
  }

  frame(funcIdx: number, loc: number): number {
    if (loc >= LOC_LIMIT) return this.b.frameByIndex(funcIdx, this.locFile[loc], this.locLine[loc]);
    const key = funcIdx * LOC_LIMIT + loc;
    let f = this.frames.get(key);
    if (f === undefined) {
      f = this.b.frameByIndex(funcIdx, this.locFile[loc], this.locLine[loc]);
      this.frames.set(key, f);
    }
    return f;
  }
}
