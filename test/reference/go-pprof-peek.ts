// `go tool pprof -peek` for one function, parsed: its callers and callees with the value
// of each edge and its share of the function's cum, as the tool prints them.
import { resolve } from 'node:path';
import { escapeRegex } from '../../src/analysis/transforms/regex';
import { parsePercent, parseValue, pprofTop, runPprof } from './go-pprof';

export interface PeekEdgeRow {
  name: string;
  value: number;
  /** Share of the function's cum, in percent, as printed. */
  pct: number;
}

export interface PeekResult {
  name: string;
  flat: number;
  cum: number;
  callers: PeekEdgeRow[];
  callees: PeekEdgeRow[];
}

const nodeLine = /^\s*(\S+)\s+(\S+%)\s+(\S+%)\s+(\S+)\s+(\S+%)\s+\| (.*)$/;
const edgeLine = /^\s*(\S+)\s+(\S+%) \| {3}(.*?)( \(inline\))?$/;

/** Parses -peek output for a regex that matches one function. */
export function parsePeekOutput(text: string): PeekResult {
  const callers: PeekEdgeRow[] = [];
  const callees: PeekEdgeRow[] = [];
  let node: Omit<PeekResult, 'callers' | 'callees'> | null = null;
  for (const line of text.split('\n')) {
    if (!line.includes('|') || line.startsWith('---')) continue;
    const n = nodeLine.exec(line);
    if (n) {
      if (node) throw new Error('pprof -peek: more than one function matched');
      node = { name: n[6]!, flat: parseValue(n[1]!), cum: parseValue(n[4]!) };
      continue;
    }
    const e = edgeLine.exec(line);
    if (!e) continue;
    (node ? callees : callers).push({ name: e[3]!, value: parseValue(e[1]!), pct: parsePercent(e[2]!) });
  }
  if (!node) throw new Error('pprof -peek: no function matched');
  return { ...node, callers, callees };
}

/** -peek for one function by exact name, every edge kept, values in the sample type's unit; `diffBase` compares. */
export function pprofPeek(file: string, name: string, sampleType: { type: string; unit: string }, diffBase?: string): PeekResult {
  const args = ['-peek', `^${escapeRegex(name)}$`, '-nodefraction=0', '-edgefraction=0'];
  if (diffBase) args.push(`-diff_base=${resolve(diffBase)}`);
  args.push(`-unit=${sampleType.unit || 'count'}`, `-sample_index=${sampleType.type}`, resolve(file));
  return parsePeekOutput(runPprof(args));
}

/** The first n functions of `go tool pprof -top -cum` (by |cum| of the difference with `diffBase`). */
export function topByCum(file: string, sampleType: string, n: number, diffBase?: string): string[] {
  return pprofTop(file, { sampleIndex: sampleType, cum: true, ...(diffBase && { diffBase }) })
    .rows.slice(0, n)
    .map((r) => r.name);
}
