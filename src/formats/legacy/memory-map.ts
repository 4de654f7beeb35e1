/**
 * The memory map that ends gperftools' profiles ("--- Memory map: ---" or
 * "MAPPED_LIBRARIES:", then /proc/self/maps lines or "start-end: file" lines), read
 * as pprof's profile package reads it (ParseMemoryMap, massageMappings,
 * remapMappingIDs): only executable ranges, adjacent pieces of one file merged, and
 * each address given the first range that holds it. Addresses are 64-bit: BigInt here.
 */
import type { Mapping } from '../../model/profile';

const SENTINELS = ['--- Memory map: ---', 'MAPPED_LIBRARIES:'];

export function isMemoryMapSentinel(line: string): boolean {
  return SENTINELS.some((s) => line.includes(s));
}

const HEX = '(?:0x)?([0-9A-Fa-f]+)';
const RANGE = `\\s*${HEX}[\\s-]?\\s*${HEX}:?`;
const PERM = '(?:\\s+([-rwxp]+))?';
/** /proc/self/maps: start-end perms offset dev inode file. */
const PROC_MAPS_RE = new RegExp(`^${RANGE}${PERM}(?:\\s+([0-9A-Fa-f]+))?\\s+[0-9A-Fa-f]+:[0-9A-Fa-f]+\\s+[0-9]+(?:\\s+(\\S+))?`);
/** The brief form: start-end [perms] [file] [(@offset)] [build id]. */
const BRIEF_MAPS_RE = new RegExp(`^${RANGE}${PERM}(?:\\s+(\\S+))?(?:\\s+\\(@([0-9A-Fa-f]+)\\))?(?:\\s+([0-9A-Fa-f]+))?`);
/** A glog prefix ("I0102 15:04:05.000 file.cc:123] "), removed before matching. */
const LOG_PREFIX_RE = /^[^[\]]+:[0-9]+]\s/;
/** Larger maps are refused: a map lists a process's binaries, not millions of ranges. */
const MAX_MAPPINGS = 100_000;
const MAIN_START = 0x400000n;

interface Range {
  start: bigint;
  limit: bigint;
  offset: bigint;
  file: string;
  buildId: string;
}

export class MemoryMap {
  private fakeNeeded = false;

  constructor(private readonly ranges: Range[]) {}

  /** The file of the range holding `addr` ("" when none does: pprof's file-less stand-in mapping). */
  fileOf(addr: bigint): string {
    if (addr === 0n) return '';
    for (const m of this.ranges) if (m.start <= addr && addr < m.limit) return m.file;
    // A range whose first piece the writer left out: pprof stretches it back by its offset.
    for (const m of this.ranges) {
      if (m.offset !== 0n && m.start - m.offset <= addr && addr < m.start) {
        m.start -= m.offset;
        m.offset = 0n;
        return m.file;
      }
    }
    this.fakeNeeded = true;
    return '';
  }

  /** The mappings for the model, after every address was looked up. */
  mappings(): Mapping[] {
    const out = this.ranges.map((m) => ({
      start: Number(m.start),
      limit: Number(m.limit),
      offset: Number(m.offset),
      file: m.file,
      buildId: m.buildId,
    }));
    if (this.fakeNeeded) out.push({ start: 0, limit: Number(0xffffffffffffffffn), offset: 0, file: '', buildId: '' });
    return out;
  }
}

/**
 * Reads map lines (everything after the sentinel); lines that are no range are skipped, as
 * pprof does. `fail` refuses the map at the line being read (the caller knows where that is).
 */
export function readMemoryMap(lines: Iterable<string>, fail: (message: string) => never): MemoryMap {
  const ranges: Range[] = [];
  // "name=value" lines define $name for the lines after them.
  const vars: [string, string][] = [];
  for (const raw of lines) {
    let line = raw.replace(LOG_PREFIX_RE, '');
    for (const [k, v] of vars) line = line.split(k).join(v);
    const r = rangeOf(line);
    if (r === undefined) {
      const eq = line.indexOf('=');
      if (eq >= 0 && vars.length < 64) vars.push([`$${line.slice(0, eq).trim()}`, line.slice(eq + 1).trim()]);
      continue;
    }
    if (r === null) continue;
    if (ranges.length >= MAX_MAPPINGS) fail(`the memory map lists more than ${MAX_MAPPINGS} ranges`);
    ranges.push(r);
  }
  return new MemoryMap(massage(ranges));
}

/** A range, null for a non-executable one, undefined for a line that is no range. */
function rangeOf(line: string): Range | null | undefined {
  let start: string, end: string, perm: string | undefined, offset: string | undefined, file: string | undefined;
  let buildId: string | undefined;
  const p = PROC_MAPS_RE.exec(line);
  if (p) [, start, end, perm, offset, file] = p;
  else {
    const b = BRIEF_MAPS_RE.exec(line);
    if (!b) return undefined;
    [, start, end, perm, file, offset, buildId] = b;
  }
  if (perm && !perm.includes('x')) return null;
  if (start.length > 16 || end.length > 16 || (offset?.length ?? 0) > 16) return undefined;
  return {
    start: BigInt(`0x${start}`),
    limit: BigInt(`0x${end}`),
    offset: offset ? BigInt(`0x${offset}`) : 0n,
    file: file ?? '',
    buildId: buildId ?? '',
  };
}

function massage(ranges: Range[]): Range[] {
  const merged: Range[] = [];
  for (const m of ranges) {
    const last = merged[merged.length - 1];
    if (last && adjacent(last, m)) {
      last.limit = m.limit;
      if (m.file) last.file = m.file;
      if (m.buildId) last.buildId = m.buildId;
    } else merged.push({ ...m });
  }
  // The main binary goes first: the first file that is not a library or "[vdso]"-like.
  const main = merged.findIndex((m) => {
    const f = m.file.replaceAll('(deleted)', '').trim();
    return f !== '' && !/([.]so$|[.]so[._][0-9]+)/.test(f) && f[0] !== '[';
  });
  if (main > 0) [merged[0], merged[main]] = [merged[main], merged[0]];
  // Some writers put a huge-page region right before the binary it belongs to.
  if (merged.length > 1 && merged[0].file.startsWith('/anon_hugepage') && merged[0].limit === merged[1].start) merged.shift();
  if (merged.length > 0 && merged[0].start - merged[0].offset === MAIN_START) {
    merged[0].start = MAIN_START;
    merged[0].offset = 0n;
  }
  return merged;
}

/** One file's range split in two pieces, as pprof tells them. */
function adjacent(a: Range, b: Range): boolean {
  if (a.file && b.file && a.file !== b.file) return false;
  if (a.buildId && b.buildId && a.buildId !== b.buildId) return false;
  if (a.limit !== b.start) return false;
  if (a.offset !== 0n && b.offset !== 0n && a.offset + (a.limit - a.start) !== b.offset) return false;
  return true;
}
