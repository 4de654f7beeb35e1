/**
 * One function's flat and cum per source line, as `go tool pprof -list` computes them: its
 * frames at line granularity are pprof's nodes (function, file, line), whose values are the
 * top table's at that granularity (flat to the leaf line of a sample's leaf location, cum
 * once per sample), and a listing spans from the function's start line to five lines past
 * its last line with a value.
 */
import type { Profile } from '../../model/profile';
import { frameKeyName, type FrameKeys, type Granularity } from '../calltree/frame-keys';
import type { TopEntry } from '../calltree/top';

export interface LineValue {
  line: number;
  flat: number;
  cum: number;
}

export interface FunctionFile {
  /** The source file as the profile records it. */
  path: string;
  /** The function's first line as recorded (pprof's start_line), 0 when unknown. */
  startLine: number;
  /** pprof's listing: from startLine (else LIST_MARGIN before the first line with a value) to LIST_MARGIN past the last. */
  first: number;
  last: number;
  /** pprof's ROUTINE header: the sums over the lines. */
  flat: number;
  cum: number;
  /** Lines with a value, ascending. */
  lines: LineValue[];
}

/** Lines pprof lists around those with values. */
const LIST_MARGIN = 5;

/** The functions (as the profile names them) of the frames that a view of granularity g calls `name`. */
export function functionsNamed(p: Profile, name: string, g: Granularity): string[] {
  const { func, file, line, count } = p.frames;
  const found = new Set<string>();
  for (let f = 0; f < count; f++) {
    const fn = p.strings[func[f]];
    if (!found.has(fn) && frameKeyName(fn, p.strings[file[f]], line[f], g) === name) found.add(fn);
  }
  return [...found];
}

/**
 * The files of function `func` with its lines' values, by path; `keys` and `entries` are a
 * line-granularity view's frame keys and top entries. Frames without a file have no lines.
 */
export function functionFiles(p: Profile, func: string, keys: FrameKeys, entries: readonly TopEntry[]): FunctionFile[] {
  const byKey = new Map<number, TopEntry>();
  for (const e of entries) byKey.set(e.key, e);
  const files = new Map<string, { start: number; lines: Map<number, LineValue> }>();
  const { frames, strings } = p;
  for (let f = 0; f < frames.count; f++) {
    if (strings[frames.func[f]] !== func) continue;
    const path = strings[frames.file[f]];
    const e = byKey.get(keys.ofFrame[f]);
    if (!path || !e) continue;
    let entry = files.get(path);
    if (!entry) files.set(path, (entry = { start: 0, lines: new Map() }));
    const start = frames.startLine?.[f] ?? 0;
    if (start > 0 && (entry.start === 0 || start < entry.start)) entry.start = start;
    // Frames of one (function, file, line) share a key: count its value once.
    const line = frames.line[f];
    if (!entry.lines.has(line)) entry.lines.set(line, { line, flat: e.flat, cum: e.cum });
  }
  const out: FunctionFile[] = [];
  for (const [path, { start, lines }] of files) {
    const list = [...lines.values()].sort((a, b) => a.line - b.line);
    let flat = 0;
    let cum = 0;
    for (const l of list) {
      flat += l.flat;
      cum += l.cum;
    }
    const first = Math.max(1, start > 0 ? start : list[0].line - LIST_MARGIN);
    out.push({ path, startLine: start, first, last: list[list.length - 1].line + LIST_MARGIN, flat, cum, lines: list });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.startLine - b.startLine));
}

/** The line with the largest cum (then flat; the first of equals), or null when none has a value. */
export function hottestLine(lines: readonly LineValue[]): LineValue | null {
  let best: LineValue | null = null;
  for (const l of lines) {
    if (!best || Math.abs(l.cum) > Math.abs(best.cum) || (Math.abs(l.cum) === Math.abs(best.cum) && Math.abs(l.flat) > Math.abs(best.flat))) best = l;
  }
  return best;
}
