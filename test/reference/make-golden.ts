// Writes test/fixtures/golden/*.json: what `go tool pprof` says about every
// pprof fixture, so goroscope's tests can compare against exact numbers
// without needing Go at test time.
//
//   npx tsx test/reference/make-golden.ts
//
// For each pprof file under test/fixtures (not bad/, gen/ or golden/, not
// execution traces), for every sample type: the total and the first 50 rows
// of `-top` (sorted by |flat|) and of `-top -cum` (sorted by |cum|).
// golden/diffs.json holds the incident1 and incident5 comparisons; golden/labels.json
// pprof's -tags and label-filtered -top (LABEL_CASES).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pprofRawSummary, pprofTags, pprofTop, type SampleType, type TagsResult, type TopOptions, type TopRow } from './go-pprof';

export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const GOLDEN = join(FIXTURES, 'golden');
/** Prefix that turns a path relative to test/fixtures into one relative to the repository root. */
const REPO_PREFIX = 'test/fixtures/';
const TOP_ROWS = 50;
const SKIP_DIRS = new Set(['bad', 'gen', 'golden', 'node_modules']);

export interface GoldenTop {
  total: number;
  top: TopRow[];
  cumTop: TopRow[];
}

export interface GoldenFile {
  /** Path relative to the repository root ("test/fixtures/incident1/heap-before.pb.gz"). */
  file: string;
  sampleTypes: SampleType[];
  /** default_sample_type recorded in the profile ('' if none: pprof then uses the last type). */
  defaultSampleType: string;
  sampleCount: number;
  locationCount: number;
  byType: Record<string, GoldenTop>;
}

export interface GoldenDiff {
  /** Paths relative to the repository root, like GoldenFile.file. */
  file: string;
  base: string;
  mode: 'diff_base' | 'base';
  normalize: boolean;
  sampleIndex: string;
  total: number;
  top: TopRow[];
  cumTop: TopRow[];
}

/** A committed golden file by name ("diffs.json", or goldenName(rel)): no Go needed. */
export function readGolden<T>(name: string): T {
  return JSON.parse(readFileSync(join(GOLDEN, name), 'utf8')) as T;
}

/** Golden JSON name for a fixture path relative to test/fixtures. */
export function goldenName(rel: string): string {
  return `${rel.split('/').join('__')}.json`;
}

function toRel(abs: string): string {
  return relative(FIXTURES, abs).split(sep).join('/');
}

/** True for gzip'd data or what looks like a raw (uncompressed) pprof protobuf; false for Go execution traces and text. */
function looksLikePprof(abs: string): boolean {
  const head = readFileSync(abs).subarray(0, 16);
  if (head.length < 2) return false;
  if (head[0] === 0x1f && head[1] === 0x8b) return true;
  if (head.subarray(0, 5).toString('latin1') === 'go 1.') return false; // execution trace
  // Uncompressed Profile messages start with field 1 (sample_type, wire type 2): 0x0a.
  return head[0] === 0x0a;
}

/** Every pprof fixture, as paths relative to test/fixtures, sorted. */
export function findPprofFixtures(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === FIXTURES && SKIP_DIRS.has(entry.name)) continue;
      out.push(...findPprofFixtures(abs));
    } else if (/\.(pb\.gz|pprof)$/.test(entry.name) && looksLikePprof(abs)) {
      out.push(toRel(abs));
    }
  }
  return out.sort();
}

/** The committed golden of every pprof fixture (the golden folder holds other answers too: diffs, labels, peek…). */
export function fixtureGoldens(): GoldenFile[] {
  return findPprofFixtures().map((rel) => readGolden<GoldenFile>(goldenName(rel)));
}

export function goldenTop(abs: string, opts: TopOptions): GoldenTop {
  const flat = pprofTop(abs, opts);
  const cum = pprofTop(abs, { ...opts, cum: true });
  return { total: flat.total, top: flat.rows.slice(0, TOP_ROWS), cumTop: cum.rows.slice(0, TOP_ROWS) };
}

export function goldenFor(rel: string): GoldenFile {
  const abs = join(FIXTURES, rel);
  const raw = pprofRawSummary(abs);
  const byType: Record<string, GoldenTop> = {};
  for (const st of raw.sampleTypes) byType[st.type] = goldenTop(abs, { sampleIndex: st.type });
  return {
    file: REPO_PREFIX + rel,
    sampleTypes: raw.sampleTypes,
    defaultSampleType: raw.defaultSampleType,
    sampleCount: raw.sampleCount,
    locationCount: raw.locationCount,
    byType,
  };
}

/** The comparisons recorded in diffs.json: [file, base] pairs relative to test/fixtures. */
export const DIFF_PAIRS: [string, string][] = [
  ['incident1/heap-after.pb.gz', 'incident1/heap-before.pb.gz'],
  ['incident5/heap-2.pb.gz', 'incident5/heap-1.pb.gz'],
  ['incident5/heap-3.pb.gz', 'incident5/heap-2.pb.gz'],
];

/** Key of one comparison: the pprof arguments that produce it (paths relative to test/fixtures). */
export function diffKey(file: string, base: string, mode: 'diff_base' | 'base', normalize: boolean, sampleIndex: string): string {
  return `${file} -${mode}=${base} -sample_index=${sampleIndex}${normalize ? ' -normalize' : ''}`;
}

export function goldenDiffs(): Record<string, GoldenDiff> {
  const out: Record<string, GoldenDiff> = {};
  for (const [file, base] of DIFF_PAIRS) {
    for (const mode of ['diff_base', 'base'] as const) {
      for (const normalize of [false, true]) {
        for (const sampleIndex of ['inuse_space', 'alloc_space']) {
          const baseAbs = join(FIXTURES, base);
          const g = goldenTop(join(FIXTURES, file), {
            sampleIndex,
            normalize,
            ...(mode === 'diff_base' ? { diffBase: baseAbs } : { base: baseAbs }),
          });
          out[diffKey(file, base, mode, normalize, sampleIndex)] = {
            file: REPO_PREFIX + file,
            base: REPO_PREFIX + base,
            mode,
            normalize,
            sampleIndex,
            ...g,
          };
        }
      }
    }
  }
  return out;
}

/** Label reports and label-filtered tops recorded in labels.json, keyed by labelKey. */
export const LABEL_CASES: { file: string; sampleIndex: string; tagfocus?: string; tagignore?: string }[] = [
  { file: 'labels/cpu.pb.gz', sampleIndex: 'cpu' },
  { file: 'labels/cpu.pb.gz', sampleIndex: 'cpu', tagfocus: 'tenant=globex' },
  { file: 'labels/cpu.pb.gz', sampleIndex: 'cpu', tagfocus: 'endpoint=/search' },
  { file: 'labels/cpu.pb.gz', sampleIndex: 'cpu', tagfocus: 'globex,/search' },
  { file: 'labels/cpu.pb.gz', sampleIndex: 'cpu', tagignore: 'endpoint=/checkout' },
  { file: 'labels/cpu.pb.gz', sampleIndex: 'cpu', tagfocus: 'tenant=acme', tagignore: 'endpoint=/search' },
  { file: 'incident3/goroutine-t1.pb.gz', sampleIndex: 'goroutine', tagfocus: 'channel=orders' },
  { file: 'debug1/heap.pb.gz', sampleIndex: 'inuse_space', tagfocus: 'bytes=1mb:' },
  { file: 'debug1/heap.pb.gz', sampleIndex: 'alloc_space', tagignore: ':1kb' },
];

export interface GoldenLabels {
  tags: TagsResult;
  top: GoldenTop;
}

export function labelKey(c: (typeof LABEL_CASES)[number]): string {
  return `${c.file} -sample_index=${c.sampleIndex} -tagfocus=${c.tagfocus ?? ''} -tagignore=${c.tagignore ?? ''}`;
}

function goldenLabels(): Record<string, GoldenLabels> {
  const out: Record<string, GoldenLabels> = {};
  for (const c of LABEL_CASES) {
    const opts = { sampleIndex: c.sampleIndex, tagfocus: c.tagfocus, tagignore: c.tagignore };
    out[labelKey(c)] = { tags: pprofTags(join(FIXTURES, c.file), opts), top: goldenTop(join(FIXTURES, c.file), opts) };
  }
  return out;
}

function main(): void {
  mkdirSync(GOLDEN, { recursive: true });
  for (const rel of findPprofFixtures()) {
    const started = Date.now();
    const g = goldenFor(rel);
    writeFileSync(join(GOLDEN, goldenName(rel)), `${JSON.stringify(g, null, 1)}\n`);
    console.log(`golden: ${rel} (${g.sampleCount} samples, ${Object.keys(g.byType).length} types, ${Date.now() - started} ms)`);
  }
  writeFileSync(join(GOLDEN, 'diffs.json'), `${JSON.stringify(goldenDiffs(), null, 1)}\n`);
  console.log('golden: diffs.json');
  writeFileSync(join(GOLDEN, 'labels.json'), `${JSON.stringify(goldenLabels(), null, 1)}\n`);
  console.log('golden: labels.json');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
