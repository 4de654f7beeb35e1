/**
 * The legacy binary CPU profile: gperftools' CPU profiler, Go before 1.9, and Java's
 * agent (google/pprof's profile/legacy_profile.go, parseCPU). Machine words, 4 or 8 bytes,
 * in the writer's byte order:
 *
 *   header   0, 3, 0 (C++/Go) or 1 (Java), sampling period in µs, 0
 *   records  count, depth, depth addresses (leaf first)
 *   end      0, 1, 0
 *   then     text: the memory map (C++/Go) or the symbol lines (Java)
 *
 * Each record is `count` samples of `period` CPU time. As pprof does, a second-from-leaf
 * frame that nearly every record shares is the profiler's own signal frame and is cut
 * (up to twice), and a leaf the unwinder reported twice is kept once.
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import { addressFrame, placeAddressFrames } from './address-frames';
import { readJavaSymbols } from './java-symbols';
import { readMemoryMap } from './memory-map';
import { ParseError } from '../parse-error';

export interface CpuEncoding {
  wordBytes: 4 | 8;
  littleEndian: boolean;
  java: boolean;
}

/** pprof tries the encodings in this order and takes the first whose header fits. */
const ENCODINGS: Omit<CpuEncoding, 'java'>[] = [
  { wordBytes: 4, littleEndian: true },
  { wordBytes: 4, littleEndian: false },
  { wordBytes: 8, littleEndian: true },
  { wordBytes: 8, littleEndian: false },
];

/** Records deeper than this are refused: no unwinder reports a million frames. */
const MAX_DEPTH = 1 << 20;

/** The encoding whose header words read 0, 3, 0|1, period > 0, 0; null when none does. */
export function legacyCpuEncoding(bytes: Uint8Array): CpuEncoding | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of ENCODINGS) {
    if (bytes.length < 5 * e.wordBytes) continue;
    const w = (i: number) => word(view, i * e.wordBytes, e);
    if (w(0).value === 0 && w(1).value === 3 && w(2).value <= 1 && w(3).value > 0 && w(4).value === 0) {
      return { ...e, java: w(2).value === 1 };
    }
  }
  return null;
}

export interface LegacyCpu {
  profile: Profile;
  warnings: string[];
}

export function parseLegacyCpu(bytes: Uint8Array): LegacyCpu {
  const enc = legacyCpuEncoding(bytes);
  if (!enc) throw new ParseError(headerProblem(bytes), 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const W = enc.wordBytes;
  const periodNs = word(view, 3 * W, enc).value * 1000;
  const warnings: string[] = [];

  // Addresses are interned first: their frames are known only once the text after the records is read.
  const addrIndex = new Map<string, number>();
  const addrs: string[] = [];
  const counts: number[] = [];
  const stacks: number[][] = [];
  let pos = 5 * W;
  let ended = false;
  let pastSafe = 0;
  while (pos < bytes.length) {
    const at = pos;
    if (bytes.length - pos < 2 * W) throw new ParseError(`the record at byte ${at} is cut short: ${bytes.length - pos} bytes left of its ${2 * W}-byte head`, at);
    const count = word(view, pos, enc).value;
    const depth = word(view, pos + W, enc).value;
    pos += 2 * W;
    if (depth > MAX_DEPTH || depth * W > bytes.length - pos) {
      throw new ParseError(`the record at byte ${at} says ${depth} addresses, but ${bytes.length - pos} bytes are left`, at);
    }
    const hexes: string[] = [];
    for (let i = 0; i < depth; i++, pos += W) hexes.push(word(view, pos, enc).hex);
    if (count === 0 && depth === 1 && hexes[0] === '0') {
      ended = true;
      break;
    }
    const stack = hexes.map((hex) => {
      let a = addrIndex.get(hex);
      if (a === undefined) {
        a = addrs.push(hex) - 1;
        addrIndex.set(hex, a);
      }
      return a;
    });
    // Beyond 2^53 a value is no longer exact, and totals would not add up.
    if (!Number.isSafeInteger(count * periodNs)) {
      pastSafe++;
      continue;
    }
    counts.push(count);
    stacks.push(stack);
  }
  if (pastSafe > 0) warnings.push(`${pastSafe} record${pastSafe === 1 ? '' : 's'} skipped: count × period past 2^53`);
  if (!ended) warnings.push('no end-of-data record: the profile may have been cut short; kept every complete record');
  if (!enc.java) {
    cutSignalFrames(stacks);
    for (const s of stacks) if (s.length > 1 && s[0] === s[1]) s.splice(1, 1);
  }

  const b = new ProfileBuilder(2);
  const rest = new TextDecoder().decode(bytes.subarray(pos)).split('\n');
  const symbols = enc.java ? readJavaSymbols(b, rest) : null;
  const frameOf = addrs.map((hex) => symbols?.get(`0x${hex}`) ?? addressFrame(b, hex));
  for (let i = 0; i < stacks.length; i++) {
    b.sample(b.stackLeafFirst(stacks[i].map((a) => frameOf[a])), [counts[i], counts[i] * periodNs]);
  }
  const profile = b.build({
    ...simpleMeta('pprof', [
      { type: 'samples', unit: 'count' },
      { type: 'cpu', unit: 'nanoseconds' },
    ]),
    defaultSampleType: 1,
    periodType: { type: 'cpu', unit: 'nanoseconds' },
    period: periodNs,
  });
  // The map is the text after the records: refused as a whole, from its start.
  const refuseMap = (m: string): never => {
    throw new ParseError(`the memory map at byte ${pos}: ${m}`, pos);
  };
  placeAddressFrames(profile, readMemoryMap(enc.java ? [] : rest, refuseMap));
  return { profile, warnings };
}

/**
 * When all but one in 32 records share their second frame, it is the signal handler's
 * frame, not the program's: pprof removes it, and then looks once more.
 */
function cutSignalFrames(stacks: number[][]): void {
  const margin = Math.floor(stacks.length / 32);
  for (let iter = 0; iter < 2; iter++) {
    const seen = new Map<number, number>();
    for (const s of stacks) if (s.length > 1) seen.set(s[1], (seen.get(s[1]) ?? 0) + 1);
    for (const [addr, n] of seen) {
      if (n < stacks.length - margin) continue;
      for (const s of stacks) if (s.length > 1 && s[1] === addr) s.splice(1, 1);
      break;
    }
  }
}

/** One machine word: its value (exact below 2^53: depths always, counts whose record is kept) and its hex digits. */
function word(view: DataView, at: number, e: Omit<CpuEncoding, 'java'>): { value: number; hex: string } {
  if (e.wordBytes === 4) {
    const v = view.getUint32(at, e.littleEndian);
    return { value: v, hex: v.toString(16) };
  }
  const a = view.getUint32(at, e.littleEndian);
  const c = view.getUint32(at + 4, e.littleEndian);
  const [hi, lo] = e.littleEndian ? [c, a] : [a, c];
  return { value: hi * 2 ** 32 + lo, hex: hi ? hi.toString(16) + lo.toString(16).padStart(8, '0') : lo.toString(16) };
}

/** The encoding whose first two words read 0, 3 but whose header the bytes end inside; null when none. */
function cutHeader(bytes: Uint8Array): Omit<CpuEncoding, 'java'> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    ENCODINGS.find(
      (e) =>
        bytes.length >= 2 * e.wordBytes &&
        bytes.length < 5 * e.wordBytes &&
        word(view, 0, e).value === 0 &&
        word(view, e.wordBytes, e).value === 3,
    ) ?? null
  );
}

/** A legacy CPU profile, or the start of one whose header is cut short (read to say so). */
export function looksLikeLegacyCpu(bytes: Uint8Array): boolean {
  return legacyCpuEncoding(bytes) !== null || cutHeader(bytes) !== null;
}

function headerProblem(bytes: Uint8Array): string {
  const cut = cutHeader(bytes);
  if (cut) {
    const order = cut.littleEndian ? 'little' : 'big';
    return `the header is cut short: ${bytes.length} bytes of its ${5 * cut.wordBytes} (${cut.wordBytes * 8}-bit ${order}-endian words)`;
  }
  return 'the first five words are not a legacy CPU profile header (0, 3, 0 or 1, a period, 0) in any word size or byte order';
}
