/**
 * Source lines against `go tool pprof -list`: for the hottest functions of the incident-4
 * program in each of its profiles, every line's flat and cum, the ROUTINE totals and the
 * lines listed equal pprof's; the recorded paths find the generator's source in
 * test/fixtures/gen, and the hot functions' start lines are their declarations there. The
 * expected values are the committed golden (make-list-golden.ts); with Go installed the
 * golden is checked against the tool too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCallTree, sampleValues } from '../../src/analysis/calltree/calltree';
import { functionFiles, functionsNamed } from '../../src/analysis/source/function-lines';
import { matchSource, newFolderIndex } from '../../src/analysis/source/match';
import { sourceMismatch } from '../../src/analysis/source/mismatch';
import { openBytes } from '../../src/formats/open';
import { hasGo } from './go-pprof';
import { LIST_CASES, LIST_GOLDEN, SOURCE_ROOT, listGolden, type ListGolden } from './make-list-golden';
import { readGolden } from './make-golden';

const goldens = readGolden<ListGolden[]>(LIST_GOLDEN);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** test/fixtures/gen as a picked folder: its files under "gen/". */
const folder = newFolderIndex(
  'gen',
  walk(SOURCE_ROOT).map((f) => `gen/${relative(SOURCE_ROOT, f).split(sep).join('/')}`),
);

async function ours(g: ListGolden) {
  const p = (await openBytes(new Uint8Array(readFileSync(g.file)))).profile!;
  const sampleType = p.sampleTypes.findIndex((t) => t.type === g.sampleType.type);
  const kept = buildCallTree(p, { sampleType, granularity: 'function' }).sampleNode;
  return { p, files: (name: string) => functionFiles(p, name, sampleValues(p, sampleType), kept, null) };
}

describe('source lines equal go tool pprof -list', () => {
  it('covers the incident-4 cases, six functions each', () => {
    expect(goldens.map((g) => [g.file, g.sampleType.type])).toEqual(LIST_CASES.map((c) => [`test/fixtures/${c.file}`, c.sampleType.type]));
    for (const g of goldens) expect(new Set(g.routines.map((r) => r.name)).size).toBe(6);
  });

  it.each(goldens.map((g) => [`${g.file} ${g.sampleType.type}`, g] as const))('%s', async (_n, g) => {
    const { p, files } = await ours(g);
    for (const r of g.routines) {
      expect(functionsNamed(p, r.name, 'function')).toEqual([r.name]);
      const [f, ...more] = files(r.name);
      expect(more).toEqual([]);
      expect(f.path.endsWith(`/${r.file}`)).toBe(true);
      const text = readFileSync(join(SOURCE_ROOT, r.file), 'utf8').split('\n');
      // pprof stops at the file's end.
      expect({ name: r.name, flat: f.flat, cum: f.cum, first: f.first, last: Math.min(f.last, text.length), lines: f.lines }).toEqual({
        name: r.name,
        flat: r.flat,
        cum: r.cum,
        first: r.first,
        last: r.last,
        lines: r.lines,
      });
    }
  });

  it("finds each function's file in the generator's folder, its start line a declaration", async () => {
    const { files } = await ours(goldens[0]);
    const drifted: string[] = [];
    for (const r of goldens.flatMap((g) => g.routines)) {
      const [f] = files(r.name);
      expect(matchSource(f.path, folder)).toEqual({ best: ['gen/cmd/incident4/main.go'], parts: 4, nameOnly: [] });
      const text = readFileSync(join(SOURCE_ROOT, r.file), 'utf8').split('\n');
      if (sourceMismatch(r.name, f.startLine, f.lines[f.lines.length - 1].line, text)) drifted.push(r.name);
    }
    // main() moved when the generators' profile writing became one helper, after these profiles were made.
    expect([...new Set(drifted)]).toEqual(['main.main.func1']);
  });
});

describe.skipIf(!hasGo())('list.json is what go tool pprof prints today', () => {
  it.each(LIST_CASES.map((c) => [`${c.file} ${c.sampleType.type}`, c] as const))('%s', (_n, c) => {
    expect(listGolden(c)).toEqual(goldens.find((g) => g.file === `test/fixtures/${c.file}` && g.sampleType.type === c.sampleType.type));
  }, 60_000);
});
