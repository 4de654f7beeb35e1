/**
 * Runs `go tool pprof -top` with diff flags and reads its table. Values are printed in
 * the profile's own unit (-unit=B / -unit=ns), so they are exact integers.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface PprofDiffArgs {
  base: string;
  target: string;
  sampleType: string;
  meaning: 'diff_base' | 'base';
  normalize: boolean;
  /** -unit value that prints raw integers ("B" for bytes, "ns" for nanoseconds). */
  unit?: string;
}

export interface PprofRow {
  name: string;
  flat: number;
  flatPct: number;
  sumPct: number;
  cum: number;
  cumPct: number;
}

export interface PprofTop {
  total: number;
  rows: PprofRow[];
}

export const hasGo = spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;

export function pprofDiffTop(a: PprofDiffArgs): PprofTop {
  const args = ['tool', 'pprof', '-top', '-nodefraction=0', `-sample_index=${a.sampleType}`, `-${a.meaning}=${a.base}`];
  if (a.normalize) args.push('-normalize');
  if (a.unit) args.push(`-unit=${a.unit}`);
  args.push(a.target);
  return parseTop(execFileSync('go', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
}

const num = (s: string) => Number(s.replace(/[a-zA-Z]+$/, ''));
const pct = (s: string) => Number(s.replace('%', ''));

export function parseTop(text: string): PprofTop {
  const header = /of (-?[\d.]+)[a-zA-Z]* total/.exec(text);
  if (!header) throw new Error(`no total in pprof output:\n${text.slice(0, 500)}`);
  const rows: PprofRow[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (/^\s+flat\s+flat%/.test(line)) {
      inTable = true;
      continue;
    }
    if (!inTable || !line.trim()) continue;
    const m = /^\s*(\S+)\s+(\S+)%\s+(\S+)%\s+(\S+)\s+(\S+)%\s{2}(.*)$/.exec(line);
    if (!m) throw new Error(`unreadable pprof row: ${line}`);
    rows.push({
      flat: num(m[1]),
      flatPct: pct(m[2]),
      sumPct: pct(m[3]),
      cum: num(m[4]),
      cumPct: pct(m[5]),
      // pprof marks inlined functions after the name; our names do not carry it.
      name: m[6].replace(/ \((partial-)?inline\)$/, ''),
    });
  }
  return { total: num(header[1]), rows };
}

/**
 * pprof prints |x| with "%5.2f" from 1% up, "%5.2g" below: the largest rounding error
 * of a printed percentage p.
 */
export function printedPrecision(p: number): number {
  const a = Math.abs(p);
  if (a >= 99.95 && a <= 100.05) return 0.05;
  if (a >= 1) return 0.005;
  if (a === 0) return 0;
  return 0.5 * 10 ** (Math.floor(Math.log10(a)) - 1);
}

/** Short content hash: goldens name the exact fixture bytes they were made from. */
export function fileSha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
}
