// Writes test/fixtures/golden/list.json: `go tool pprof -list` for the hottest functions of
// the incident-4 program (those of largest cum in each of its profiles whose source is the
// generator, test/fixtures/gen/cmd/incident4), so the source-line tests run without Go.
//
//   npx tsx test/reference/make-list-golden.ts
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pprofTop, type SampleType } from './go-pprof';
import { pprofList, type ListRoutine } from './go-pprof-list';
import { FIXTURES, GOLDEN } from './make-golden';

export interface ListGolden {
  /** Path relative to the repository root. */
  file: string;
  sampleType: SampleType;
  routines: ListRoutine[];
}

export const LIST_GOLDEN = 'list.json';
/** pprof's -source_path for the fixtures' programs: recorded paths through a "gen" folder are read below it. */
export const SOURCE_ROOT = join(FIXTURES, 'gen');
const FUNCTIONS = 6;

export const LIST_CASES: { file: string; sampleType: SampleType }[] = [
  { file: 'incident4/cpu.pb.gz', sampleType: { type: 'cpu', unit: 'nanoseconds' } },
  { file: 'incident4/heap.pb.gz', sampleType: { type: 'inuse_space', unit: 'bytes' } },
  { file: 'incident4/heap.pb.gz', sampleType: { type: 'alloc_space', unit: 'bytes' } },
  { file: 'incident4/allocs.pb.gz', sampleType: { type: 'alloc_space', unit: 'bytes' } },
  { file: 'incident4/goroutine.pb.gz', sampleType: { type: 'goroutine', unit: 'count' } },
];

export function listGolden(c: (typeof LIST_CASES)[number]): ListGolden {
  const abs = join(FIXTURES, c.file);
  const names = pprofTop(abs, { sampleIndex: c.sampleType.type, cum: true })
    .rows.map((r) => r.name)
    .filter((n) => n.startsWith('main.'))
    .slice(0, FUNCTIONS);
  return { file: `test/fixtures/${c.file}`, sampleType: c.sampleType, routines: names.flatMap((n) => pprofList(abs, n, c.sampleType, SOURCE_ROOT)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const all = LIST_CASES.map(listGolden);
  writeFileSync(join(GOLDEN, LIST_GOLDEN), `${JSON.stringify(all, null, 1)}\n`);
  console.log(`golden: ${LIST_GOLDEN} (${all.reduce((n, g) => n + g.routines.length, 0)} routines)`);
}
