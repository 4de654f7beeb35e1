// `go tool pprof -list` for one function, parsed: each ROUTINE (one per source file) with
// its header totals, the lines it printed and the values beside them.
import { resolve } from 'node:path';
import { escapeRegex } from '../../src/analysis/transforms/regex';
import { parseValue, runPprof } from './go-pprof';

export interface ListLine {
  line: number;
  flat: number;
  cum: number;
}

export interface ListRoutine {
  name: string;
  /** The file as pprof prints it (after -source_path's trimming). */
  file: string;
  flat: number;
  cum: number;
  /** First and last line printed (the file's end may cut the listing short). */
  first: number;
  last: number;
  /** Printed lines with a value. */
  lines: ListLine[];
}

const routineLine = /^ROUTINE =+ (.*) in (.*)$/;
const totalsLine = /^\s*(\S+)\s+(\S+) \(flat, cum\)/;
const sourceLine = /^\s*(\S+)\s+(\S+)\s+(\d+):/;

const value = (text: string) => (text === '.' ? 0 : parseValue(text));

export function parseListOutput(text: string): ListRoutine[] {
  const out: ListRoutine[] = [];
  let cur: ListRoutine | null = null;
  for (const line of text.split('\n')) {
    const r = routineLine.exec(line);
    if (r) {
      cur = { name: r[1]!, file: r[2]!, flat: 0, cum: 0, first: 0, last: 0, lines: [] };
      out.push(cur);
      continue;
    }
    if (!cur) continue;
    const t = totalsLine.exec(line);
    if (t && cur.first === 0 && cur.lines.length === 0) {
      cur.flat = value(t[1]!);
      cur.cum = value(t[2]!);
      continue;
    }
    const s = sourceLine.exec(line);
    if (!s) continue;
    const n = Number(s[3]);
    if (cur.first === 0) cur.first = n;
    cur.last = n;
    const [flat, cum] = [value(s[1]!), value(s[2]!)];
    if (flat !== 0 || cum !== 0) cur.lines.push({ line: n, flat, cum });
  }
  return out;
}

/**
 * -list for one function by exact name, values in the sample type's unit. `sourcePath` is
 * pprof's -source_path: a recorded path holding its last folder's name is read below it.
 */
export function pprofList(file: string, name: string, sampleType: { type: string; unit: string }, sourcePath: string): ListRoutine[] {
  const args = ['-list', `^${escapeRegex(name)}$`, `-unit=${sampleType.unit || 'count'}`, `-sample_index=${sampleType.type}`];
  args.push(`-source_path=${resolve(sourcePath)}`, resolve(file));
  return parseListOutput(runPprof(args));
}
