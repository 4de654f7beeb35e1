// Writes test/fixtures/golden/stack-transforms.json: go tool pprof's -top under the options
// that match three of the stack transforms (drop ≡ -ignore, merge ≡ -hide, focus on a
// function ≡ -focus with -show_from, each on one exact name), so their test runs without Go.
//
//   npx tsx test/reference/make-transforms-golden.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeRegex } from '../../src/analysis/transforms/regex';
import { parseTopOutput, runPprof, type TopRow } from './go-pprof';
import { GOLDEN } from './make-golden';

export interface TransformCase {
  file: string;
  sampleType: string;
  unit: string;
  kind: 'drop' | 'merge' | 'focusfn';
  name: string;
}

export const TRANSFORM_GOLDEN = 'stack-transforms.json';

export const TRANSFORM_CASES: TransformCase[] = [
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', unit: 'nanoseconds', kind: 'drop', name: 'runtime.mallocgc' },
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', unit: 'nanoseconds', kind: 'merge', name: 'main.fakeDB.queryProperties' },
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', unit: 'nanoseconds', kind: 'focusfn', name: 'runtime.mapassign_faststr' },
  { file: 'test/fixtures/incident4/heap.pb.gz', sampleType: 'alloc_space', unit: 'bytes', kind: 'focusfn', name: 'main.(*RuleStore).loadAllRules' },
  { file: 'test/fixtures/incident1/heap-after.pb.gz', sampleType: 'inuse_space', unit: 'bytes', kind: 'merge', name: 'main.(*controller).resync' },
];

export const caseKey = (c: TransformCase) => `${c.file} ${c.sampleType} ${c.kind}=${c.name}`;

/** pprof's options for a case: regexes that match the one function by its whole name. */
function optionsOf(c: TransformCase): string[] {
  const re = `^${escapeRegex(c.name)}$`;
  if (c.kind === 'drop') return [`-ignore=${re}`];
  if (c.kind === 'merge') return [`-hide=${re}`];
  return [`-focus=${re}`, `-show_from=${re}`];
}

/** Every row of -top under the case's options. */
export function pprofCase(c: TransformCase): TopRow[] {
  const args = ['-top', '-nodecount=1000000000', '-nodefraction=0', '-edgefraction=0', `-unit=${c.unit}`, `-sample_index=${c.sampleType}`, ...optionsOf(c), resolve(c.file)];
  return parseTopOutput(runPprof(args)).rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = Object.fromEntries(TRANSFORM_CASES.map((c) => [caseKey(c), pprofCase(c)]));
  writeFileSync(join(GOLDEN, TRANSFORM_GOLDEN), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`golden: ${TRANSFORM_GOLDEN} (${TRANSFORM_CASES.length} cases)`);
}
