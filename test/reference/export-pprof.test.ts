/**
 * The pprof export against `go tool pprof`: for every real fixture, the exported file's
 * -top is the source's -top (total and every row, inline markers included); with name
 * and label filters, the exported file's rows are the source's rows under the same pprof
 * flags; a diff export's rows are -diff_base's / -base's. Live when Go is installed;
 * otherwise the export is read back by our own decoder and compared with the goldens.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffDoc, viewDoc, type ExportSide } from '../../src/analysis/export/pprof-view';
import type { ViewFilters } from '../../src/analysis/calltree/view-filters';
import type { StackTransform } from '../../src/analysis/calltree/stack-transforms';
import { openBytes } from '../../src/formats/open';
import { gzip } from '../../src/formats/gzip';
import { encodePprof } from '../../src/formats/pprof/encode';
import { sampleTypeIndex, type Profile } from '../../src/model/profile';
import type { PprofDoc } from '../../src/model/pprof-doc';
import { hasGo, pprofTop, type TopResult } from './go-pprof';
import { DIFF_PAIRS, FIXTURES, diffKey, findPprofFixtures, goldenName, readGolden, type GoldenDiff, type GoldenFile, type GoldenTop } from './make-golden';
import { topRows } from './top-rows';

const out = mkdtempSync(join(tmpdir(), 'goroscope-export-'));
let written = 0;

async function open(rel: string): Promise<Profile> {
  const { profile } = await openBytes(new Uint8Array(readFileSync(join(FIXTURES, rel))));
  if (!profile) throw new Error(`${rel}: no profile`);
  return profile;
}

/** Writes the doc as a .pb.gz and returns its path. */
function write(doc: PprofDoc): string {
  const path = join(out, `export-${written++}.pb.gz`);
  writeFileSync(path, gzip(encodePprof(doc)));
  return path;
}

/** The sample type pprof shows by default, from the golden. */
function defaultType(g: GoldenFile): string {
  return g.defaultSampleType || g.sampleTypes[g.sampleTypes.length - 1].type;
}

function side(p: Profile, type: string): ExportSide {
  return { profile: p, sampleType: sampleTypeIndex(p, type) };
}

/** Rows as compared when the totals differ on purpose (filters drop samples from the export). */
const values = (r: TopResult) => ({ shown: r.shown, rows: r.rows.map(({ name, inline, flat, cum }) => ({ name, inline, flat, cum })) });

/** Without Go: the export read back by our decoder has the golden's rows (looked up by name: pprof sorts by |flat|). */
async function expectGoldenRows(doc: PprofDoc, g: GoldenTop): Promise<void> {
  const p = (await openBytes(gzip(encodePprof(doc)))).profile!;
  const ours = new Map(topRows(p, { sampleType: 0, granularity: 'function' }, 'flat', Infinity).map((r) => [r.name, [r.name, r.flat, r.cum]]));
  const want = g.top.slice(0, 20).map((r) => [r.name, r.flat, r.cum]);
  expect(want.map((r) => ours.get(r[0] as string))).toEqual(want);
}

const fixtures = findPprofFixtures();

describe('pprof export: every real fixture as go tool pprof reads it', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(30);
  });

  it.each(fixtures)('%s', async (rel) => {
    const g = readGolden<GoldenFile>(goldenName(rel));
    const type = defaultType(g);
    const doc = viewDoc(side(await open(rel), type), {});
    if (!hasGo()) return expectGoldenRows(doc, g.byType[type]);
    const want = pprofTop(join(FIXTURES, rel), { sampleIndex: type });
    const got = pprofTop(write(doc), { sampleIndex: type });
    expect(got).toEqual(want);
  });
});

const FILTERED: { file: string; type: string; view: ViewFilters }[] = [
  { file: 'incident4/cpu.pb.gz', type: 'cpu', view: { focus: 'main\\.', hide: 'runtime\\.mallocgc' } },
  { file: 'incident4/cpu.pb.gz', type: 'cpu', view: { ignore: 'runtime\\.gc', hide: 'fmt\\.' } },
  { file: 'incident4/heap.pb.gz', type: 'inuse_space', view: { focus: 'queryProperties', hide: 'strconv' } },
  { file: 'incident1/heap-after.pb.gz', type: 'inuse_space', view: { focus: 'workqueue', hide: 'runtime\\.' } },
  { file: 'large/cpu-large.pb.gz', type: 'cpu', view: { focus: 'runtime\\.', hide: 'runtime\\.mcall' } },
  { file: 'labels/cpu.pb.gz', type: 'cpu', view: { tagfocus: 'tenant=acme', tagignore: 'endpoint=/search', hide: 'runtime\\.' } },
  { file: 'debug1/heap.pb.gz', type: 'alloc_space', view: { tagignore: ':1kb' } },
];

describe.skipIf(!hasGo())('pprof export with filters: the rows of go tool pprof -focus/-ignore/-hide/-tagfocus/-tagignore', () => {
  it.each(FILTERED.map((c) => [`${c.file} ${JSON.stringify(c.view)}`, c] as const))('%s', async (_n, c) => {
    const doc = viewDoc(side(await open(c.file), c.type), c.view);
    const want = pprofTop(join(FIXTURES, c.file), { sampleIndex: c.type, ...c.view });
    const got = pprofTop(write(doc), { sampleIndex: c.type });
    expect(values(got)).toEqual(values(want));
    // With line granularity too: the export keeps every line.
    const wantLines = pprofTop(join(FIXTURES, c.file), { sampleIndex: c.type, ...c.view, granularity: 'lines' });
    expect(values(pprofTop(write(doc), { sampleIndex: c.type, granularity: 'lines' }))).toEqual(values(wantLines));
  });
});

describe.skipIf(!hasGo())('pprof export of a view with stack transforms: go tool pprof shows the view\'s own rows', () => {
  it.each([
    { file: 'incident4/cpu.pb.gz', type: 'cpu', stack: [{ kind: 'merge', name: 'runtime.mapassign_faststr' }, { kind: 'prefix', prefix: 'internal/runtime/' }] as StackTransform[], shows: 'internal/runtime/*', gone: 'runtime.mapassign_faststr' },
    { file: 'incident4/heap.pb.gz', type: 'inuse_space', stack: [{ kind: 'focusfn', name: 'main.(*RuleStore).loadAllRules' }, { kind: 'rec', name: 'fmt.Sprintf' }] as StackTransform[], shows: 'main.(*RuleStore).loadAllRules', gone: 'main.main.func1' },
  ])('$file $stack', async (c) => {
    const p = await open(c.file);
    const spec = { sampleType: sampleTypeIndex(p, c.type), granularity: 'function' as const, stack: c.stack };
    const got = pprofTop(write(viewDoc(side(p, c.type), spec)), { sampleIndex: c.type }).rows;
    const ours = new Map(topRows(p, spec, 'flat', Infinity).map((r) => [r.name, [r.flat, r.cum]]));
    expect(got.length).toBe(ours.size);
    expect(got.some((r) => r.name === c.shows)).toBe(true);
    expect(got.some((r) => r.name === c.gone)).toBe(false);
    for (const r of got) expect([r.name, r.flat, r.cum]).toEqual([r.name, ...(ours.get(r.name) ?? [])]);
  });
});

describe('pprof export of a diff: what -diff_base and -base show', () => {
  const cases = DIFF_PAIRS.flatMap(([file, base]) =>
    (['diff_base', 'base'] as const).flatMap((meaning) => [false, true].map((normalize) => ({ file, base, meaning, normalize }))),
  );
  it.each(cases.map((c) => [`${c.file} -${c.meaning}=${c.base}${c.normalize ? ' -normalize' : ''}`, c] as const))('%s', async (_n, c) => {
    const type = 'inuse_space';
    const doc = diffDoc(side(await open(c.base), type), side(await open(c.file), type), {}, { meaning: c.meaning, normalize: c.normalize });
    if (!hasGo()) return expectGoldenRows(doc, readGolden<Record<string, GoldenDiff>>('diffs.json')[diffKey(c.file, c.base, c.meaning, c.normalize, type)]);
    const baseAbs = join(FIXTURES, c.base);
    const want = pprofTop(join(FIXTURES, c.file), {
      sampleIndex: type,
      normalize: c.normalize,
      ...(c.meaning === 'diff_base' ? { diffBase: baseAbs } : { base: baseAbs }),
    });
    expect(pprofTop(write(doc), { sampleIndex: type })).toEqual(want);
  });

  it.skipIf(!hasGo())('with a focus and a hide, as pprof filters the merged profile', async () => {
    const [file, base] = DIFF_PAIRS[0];
    const view = { focus: 'workqueue', hide: 'runtime\\.' };
    const doc = diffDoc(side(await open(base), 'inuse_space'), side(await open(file), 'inuse_space'), view, { meaning: 'diff_base', normalize: false });
    const want = pprofTop(join(FIXTURES, file), { sampleIndex: 'inuse_space', diffBase: join(FIXTURES, base), ...view });
    expect(values(pprofTop(write(doc), { sampleIndex: 'inuse_space' }))).toEqual(values(want));
  });
});
