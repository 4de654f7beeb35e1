/**
 * One function's flat and cum per source line, as `go tool pprof -list` computes them: its
 * frames are pprof's line-granularity nodes (function, file, line); a sample's value is cum
 * of each such node on its stack, once however often it recurs, and flat of the last frame
 * it reaches (the leaf line of its leaf location: a location lists the lines inlined into
 * it). A listing spans from the function's start line to five lines past its last line
 * with a value. One pass over the samples' stacks, touching only this function's lines:
 * the whole line-granularity call tree would do it too, at a hundred times the cost.
 */
import type { Profile } from '../../model/profile';
import { HIDE } from '../calltree/filters';
import { frameKeyName, type Granularity } from '../calltree/frame-keys';

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

/** The function's (file, line) nodes: each frame's node (-1: another function, or no file). */
function lineNodes(p: Profile, func: string) {
  const { frames, strings } = p;
  const nodeOf = new Int32Array(frames.count).fill(-1);
  const nodes: { path: string; line: number; start: number }[] = [];
  const index = new Map<string, number>();
  for (let f = 0; f < frames.count; f++) {
    const path = strings[frames.file[f]];
    if (!path || strings[frames.func[f]] !== func) continue;
    const key = `${frames.line[f]}\u0000${path}`;
    let n = index.get(key);
    if (n === undefined) {
      n = nodes.length;
      index.set(key, n);
      nodes.push({ path, line: frames.line[f], start: 0 });
    }
    const start = frames.startLine?.[f] ?? 0;
    if (start > 0 && (nodes[n].start === 0 || start < nodes[n].start)) nodes[n].start = start;
    nodeOf[f] = n;
  }
  return { nodeOf, nodes };
}

/**
 * The files of function `func` with its lines' values, by path. `values` holds a value per
 * sample, `kept` is -1 for a sample the view drops, and `flags` (frameFilterFlags) marks
 * the frames pprof's -hide takes out of stacks. Frames without a file have no lines.
 */
export function functionFiles(p: Profile, func: string, values: Float64Array, kept: Int32Array, flags: Uint8Array | null): FunctionFile[] {
  const { nodeOf, nodes } = lineNodes(p, func);
  if (nodes.length === 0) return [];
  const flat = new Float64Array(nodes.length);
  const cum = new Float64Array(nodes.length);
  const seenIn = new Int32Array(nodes.length).fill(-1);
  const loc = p.sampleLocations;
  for (let s = 0; s < kept.length; s++) {
    const v = values[s];
    if (kept[s] < 0 || v === 0) continue;
    let leaf = -1;
    if (loc) {
      // Root first, and a location's frames outermost first: the last frame is the leaf.
      const { start, data } = loc.stacks;
      for (let i = start[s]; i < start[s + 1]; i++) {
        const l = data[i];
        for (let k = loc.frameStart[l]; k < loc.frameStart[l + 1]; k++) {
          const f = loc.frames[k];
          if (flags !== null && flags[f] & HIDE) continue;
          leaf = f;
          const n = nodeOf[f];
          if (n >= 0 && seenIn[n] !== s) {
            seenIn[n] = s;
            cum[n] += v;
          }
        }
      }
    } else {
      // Leaf first through the trie.
      const { parent, frame } = p.stacks;
      for (let t = p.samples.stack[s]; t > 0; t = parent[t]) {
        const f = frame[t];
        if (flags !== null && flags[f] & HIDE) continue;
        if (leaf < 0) leaf = f;
        const n = nodeOf[f];
        if (n >= 0 && seenIn[n] !== s) {
          seenIn[n] = s;
          cum[n] += v;
        }
      }
    }
    if (leaf >= 0 && nodeOf[leaf] >= 0) flat[nodeOf[leaf]] += v;
  }
  const files = new Map<string, { start: number; lines: LineValue[] }>();
  nodes.forEach((node, n) => {
    if (flat[n] === 0 && cum[n] === 0) return;
    let file = files.get(node.path);
    if (!file) files.set(node.path, (file = { start: 0, lines: [] }));
    if (node.start > 0 && (file.start === 0 || node.start < file.start)) file.start = node.start;
    file.lines.push({ line: node.line, flat: flat[n], cum: cum[n] });
  });
  const out: FunctionFile[] = [];
  for (const [path, { start, lines }] of files) {
    lines.sort((a, b) => a.line - b.line);
    let fileFlat = 0;
    let fileCum = 0;
    for (const l of lines) {
      fileFlat += l.flat;
      fileCum += l.cum;
    }
    const first = Math.max(1, start > 0 ? start : lines[0].line - LIST_MARGIN);
    out.push({ path, startLine: start, first, last: lines[lines.length - 1].line + LIST_MARGIN, flat: fileFlat, cum: fileCum, lines });
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
