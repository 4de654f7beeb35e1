/**
 * Writes test/reference/diff/golden.json from the real `go tool pprof` (run: npx tsx test/reference/diff/make-golden.ts),
 * so the reference test still checks numbers on machines without Go.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileSha } from './pprof-top';
import { CASES, CPU_CASES } from './cases';
import { pprofDiffTop } from './pprof-top';

const GOLDEN_ROWS = 12;
const out: Record<string, unknown> = {};
for (const c of [...CASES, ...CPU_CASES]) {
  if (!existsSync(c.base) || !existsSync(c.target)) continue;
  const top = pprofDiffTop(c);
  out[c.id] = { base: fileSha(c.base), target: fileSha(c.target), total: top.total, rowCount: top.rows.length, rows: top.rows.slice(0, GOLDEN_ROWS) };
}
writeFileSync('test/reference/diff/golden.json', JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(out).length} cases`);
