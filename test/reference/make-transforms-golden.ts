// Writes test/fixtures/golden/stack-transforms.json: go tool pprof's -top under the options
// that match transforms (drop ≡ -ignore, merge ≡ -hide, focus on a function ≡ -focus with
// -show_from, each on one exact name; show ≡ -show and prune callees ≡ -prune_from, each on
// a regex, under every sample type of its fixture), so their test runs without Go.
//
//   npx tsx test/reference/make-transforms-golden.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Transform } from '../../src/analysis/transforms/kinds';
import { escapeRegex } from '../../src/analysis/transforms/regex';
import { parseTopOutput, runPprof, type TopRow } from './go-pprof';
import { GOLDEN, goldenName, readGolden, type GoldenFile } from './make-golden';

type CaseTransform = Extract<Transform, { kind: 'drop' | 'merge' | 'focusfn' | 'show' | 'prunefrom' }>;

export interface TransformCase {
  file: string;
  sampleType: string;
  unit: string;
  transform: CaseTransform;
}

export const TRANSFORM_GOLDEN = 'stack-transforms.json';

const ONE_TYPE: TransformCase[] = [
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', unit: 'nanoseconds', transform: { kind: 'drop', name: 'runtime.mallocgc' } },
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', unit: 'nanoseconds', transform: { kind: 'merge', name: 'main.fakeDB.queryProperties' } },
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', unit: 'nanoseconds', transform: { kind: 'focusfn', name: 'runtime.mapassign_faststr' } },
  { file: 'test/fixtures/incident4/heap.pb.gz', sampleType: 'alloc_space', unit: 'bytes', transform: { kind: 'focusfn', name: 'main.(*RuleStore).loadAllRules' } },
  { file: 'test/fixtures/incident1/heap-after.pb.gz', sampleType: 'inuse_space', unit: 'bytes', transform: { kind: 'merge', name: 'main.(*controller).resync' } },
];

/** -show and -prune_from on a regex, each under every sample type of its file (as its committed golden lists them). */
const EVERY_TYPE: [string, CaseTransform][] = [
  ['test/fixtures/incident4/cpu.pb.gz', { kind: 'show', pattern: '^main\\.|^fmt\\.' }],
  ['test/fixtures/incident4/cpu.pb.gz', { kind: 'prunefrom', pattern: '^fmt\\.Sprintf$' }],
  ['test/fixtures/incident4/cpu.pb.gz', { kind: 'prunefrom', pattern: '^runtime\\.(mallocgc|mapassign)' }],
  ['test/fixtures/incident4/heap.pb.gz', { kind: 'show', pattern: 'main\\.|strconv' }],
  ['test/fixtures/incident4/heap.pb.gz', { kind: 'prunefrom', pattern: '^main\\.fakeDB\\.queryProperties$' }],
  ['test/fixtures/incident1/heap-after.pb.gz', { kind: 'show', pattern: 'workqueue|^main\\.' }],
  ['test/fixtures/incident1/heap-after.pb.gz', { kind: 'prunefrom', pattern: '^main\\.' }],
  ['test/fixtures/incident2/main-1-block-1732262400.pprof', { kind: 'show', pattern: '^sync\\.|^main\\.' }],
  ['test/fixtures/incident2/main-1-block-1732262400.pprof', { kind: 'prunefrom', pattern: '^github\\.com/zeromicro/go-zero/core/collection\\.' }],
  // pprof cuts a name at its first '(': collection.(*Cache).Take.func1 matches as "…/collection.".
  ['test/fixtures/incident2/main-1-mutex-1732262400.pprof', { kind: 'prunefrom', pattern: '^github\\.com/zeromicro/go-zero/core/collection\\.$' }],
  ['test/fixtures/incident3/goroutine-t2.pb.gz', { kind: 'show', pattern: '^main\\.' }],
  ['test/fixtures/incident3/goroutine-t2.pb.gz', { kind: 'prunefrom', pattern: '^runtime\\.gopark$|^main\\.' }],
];

export const TRANSFORM_CASES: TransformCase[] = [
  ...ONE_TYPE,
  ...EVERY_TYPE.flatMap(([file, transform]) =>
    readGolden<GoldenFile>(goldenName(file.replace(/^test\/fixtures\//, ''))).sampleTypes.map((t) => ({ file, sampleType: t.type, unit: t.unit, transform })),
  ),
];

export const caseKey = (c: TransformCase) => {
  const t = c.transform;
  return `${c.file} ${c.sampleType} ${t.kind}=${'name' in t ? t.name : t.pattern}`;
};

/** pprof's options for a case: a name as a regex that matches it whole, a pattern as it is. */
function optionsOf(t: CaseTransform): string[] {
  switch (t.kind) {
    case 'drop':
      return [`-ignore=^${escapeRegex(t.name)}$`];
    case 'merge':
      return [`-hide=^${escapeRegex(t.name)}$`];
    case 'focusfn':
      return [`-focus=^${escapeRegex(t.name)}$`, `-show_from=^${escapeRegex(t.name)}$`];
    case 'show':
      return [`-show=${t.pattern}`];
    case 'prunefrom':
      return [`-prune_from=${t.pattern}`];
  }
}

/** Every row of -top under the case's options. */
export function pprofCase(c: TransformCase): TopRow[] {
  const args = ['-top', '-nodecount=1000000000', '-nodefraction=0', '-edgefraction=0', `-unit=${c.unit}`, `-sample_index=${c.sampleType}`, ...optionsOf(c.transform), resolve(c.file)];
  return parseTopOutput(runPprof(args)).rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = Object.fromEntries(TRANSFORM_CASES.map((c) => [caseKey(c), pprofCase(c)]));
  writeFileSync(join(GOLDEN, TRANSFORM_GOLDEN), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`golden: ${TRANSFORM_GOLDEN} (${TRANSFORM_CASES.length} cases)`);
}
