// Writes test/fixtures/golden/peek.json: `go tool pprof -peek` for the five functions of
// largest cum in every incident fixture (its default sample type), and in each of the
// diffs of golden/diffs.json under -diff_base (the five of largest |cum| of the
// difference), so the peek tests run without Go.
//
//   npx tsx test/reference/make-peek-golden.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultSampleType } from './go-pprof';
import { pprofPeek, topByCum, type PeekResult } from './go-pprof-peek';
import { DIFF_PAIRS, FIXTURES, GOLDEN, findPprofFixtures } from './make-golden';

export interface PeekGolden {
  /** Path relative to the repository root. */
  file: string;
  /** For a diff: the base, relative to the repository root. */
  base?: string;
  sampleType: string;
  peeks: PeekResult[];
}

export const PEEK_GOLDEN = 'peek.json';
export const PEEK_FUNCTIONS = 5;

export function peekFixtures(): string[] {
  return findPprofFixtures().filter((rel) => /^incident\d\//.test(rel));
}

export function peekGolden(rel: string): PeekGolden {
  const abs = join(FIXTURES, rel);
  const st = defaultSampleType(abs);
  return {
    file: `test/fixtures/${rel}`,
    sampleType: st.type,
    peeks: topByCum(abs, st.type, PEEK_FUNCTIONS).map((name) => pprofPeek(abs, name, st)),
  };
}

export function peekDiffGolden([rel, baseRel]: [string, string]): PeekGolden {
  const abs = join(FIXTURES, rel);
  const base = join(FIXTURES, baseRel);
  const st = defaultSampleType(abs);
  return {
    file: `test/fixtures/${rel}`,
    base: `test/fixtures/${baseRel}`,
    sampleType: st.type,
    peeks: topByCum(abs, st.type, PEEK_FUNCTIONS, base).map((name) => pprofPeek(abs, name, st, base)),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const all = [...peekFixtures().map(peekGolden), ...DIFF_PAIRS.map(peekDiffGolden)];
  writeFileSync(join(GOLDEN, PEEK_GOLDEN), `${JSON.stringify(all, null, 1)}\n`);
  console.log(`golden: ${PEEK_GOLDEN} (${all.length} profiles)`);
}
