/**
 * pprof's "(inline)" and "(partial-inline)" marks against `go tool pprof -top`: every
 * golden fixture and sample type (the goldens' first 50 rows by flat and by cum), and,
 * when Go is installed, every row pprof prints for the incident fixtures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree, type ViewSpec } from '../../src/analysis/calltree/calltree';
import { inlineMarks } from '../../src/analysis/calltree/inline-marks';
import { sortTop, topEntries } from '../../src/analysis/calltree/top';
import { openBytes } from '../../src/formats/open';
import type { Profile } from '../../src/model/profile';
import { hasGo, pprofTop, type TopRow } from './go-pprof';
import { fixtureGoldens } from './make-golden';

const goldens = fixtureGoldens();

async function open(file: string): Promise<Profile> {
  return (await openBytes(new Uint8Array(readFileSync(file)))).profile!;
}

/** Row names with their marks, in pprof's order for the column, as -top prints them. */
function ourNames(p: Profile, type: string, by: 'flat' | 'cum', granularity: ViewSpec['granularity'] = 'function'): string[] {
  const spec: ViewSpec = { sampleType: p.sampleTypes.findIndex((t) => t.type === type), granularity };
  const tree = buildCallTree(p, spec);
  const marks = inlineMarks(p, tree, spec);
  return sortTop(topEntries(tree), tree.keys.names, by, true).map((e) => {
    const mark = marks.get(e.key);
    return mark ? `${tree.keys.names[e.key]} (${mark})` : tree.keys.names[e.key];
  });
}

const pprofNames = (rows: TopRow[]) => rows.map((r) => (r.inline ? `${r.name} (${r.inline})` : r.name));

describe('inline marks equal go tool pprof -top (goldens)', () => {
  // No real fixture has a partly inlined function; the unit tests make one by hand.
  it('has goldens with marks', () => {
    const all = goldens.flatMap((g) => Object.values(g.byType).flatMap((t) => t.top.map((r) => r.inline)));
    expect(all).toContain('inline');
  });

  describe.each(goldens.map((g) => [g.file, g] as const))('%s', (_name, g) => {
    it.each(Object.keys(g.byType))('sample type %s: the first rows by flat and by cum, marks included', async (type) => {
      const p = await open(g.file);
      const want = g.byType[type]!;
      expect(ourNames(p, type, 'flat').slice(0, want.top.length)).toEqual(pprofNames(want.top));
      expect(ourNames(p, type, 'cum').slice(0, want.cumTop.length)).toEqual(pprofNames(want.cumTop));
    });
  });
});

describe.skipIf(!hasGo())('inline marks equal go tool pprof -top (live, every row)', () => {
  const live = goldens.filter((g) => /\/(incident\d|large|labels)\//.test(g.file));
  it.each(live.map((g) => [g.file, g] as const))('%s: every sample type, every row', async (_n, g) => {
    const p = await open(g.file);
    for (const type of Object.keys(g.byType)) {
      const want = pprofTop(g.file, { sampleIndex: type });
      expect(ourNames(p, type, 'flat'), type).toEqual(pprofNames(want.rows));
    }
  }, 120_000);

  it('at line granularity too', async () => {
    const file = 'test/fixtures/incident4/cpu.pb.gz';
    const want = pprofTop(file, { sampleIndex: 'cpu', granularity: 'lines' });
    expect(ourNames(await open(file), 'cpu', 'flat', 'line')).toEqual(pprofNames(want.rows));
  });
});
