/**
 * Our decoder and top table against `go tool pprof` on every real fixture: sample count,
 * total per sample type, and the first rows by flat and by cum. The expected numbers are
 * the committed goldens (made by make-golden.ts from the real tool); go-pprof.test.ts
 * checks that the goldens still match the tool when Go is installed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../src/analysis/calltree/calltree';
import { sortTop, topEntries } from '../../src/analysis/calltree/top';
import { loadFile } from '../../src/worker/load';

const GOLDEN_DIR = 'test/fixtures/golden';

interface GoldenRow {
  name: string;
  flat: number;
  cum: number;
}
interface Golden {
  file: string;
  sampleTypes: { type: string; unit: string }[];
  sampleCount: number;
  byType: Record<string, { total: number; top: GoldenRow[]; cumTop: GoldenRow[] }>;
}

const goldens: Golden[] = readdirSync(GOLDEN_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'diffs.json')
  .map((f) => JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8')) as Golden);

/** pprof prints values rounded to its unit; compare at that precision. */
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, Math.abs(b) * 1e-9);

describe('pprof parity on real fixtures', () => {
  it('has goldens for the fixtures', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(goldens.map((g) => [g.file, g] as const))('%s', (_name, g) => {
    it('decodes with the same sample types and sample count', async () => {
      const { profile } = await loadFile(new Uint8Array(readFileSync(g.file)));
      expect(profile!.sampleTypes).toEqual(g.sampleTypes);
      expect(profile!.samples.count).toBe(g.sampleCount);
    });

    it.each(Object.keys(g.byType))('sample type %s: total and top 10 by flat and by cum', async (type) => {
      const { profile } = await loadFile(new Uint8Array(readFileSync(g.file)));
      const p = profile!;
      const want = g.byType[type];
      const tree = buildCallTree(p, { sampleType: p.sampleTypes.findIndex((t) => t.type === type), granularity: 'function' });
      expect(close(tree.profileTotal, want.total)).toBe(true);
      const entries = topEntries(tree);
      const names = tree.keys.names;
      const rows = (by: 'flat' | 'cum') =>
        sortTop(entries, names, by, true)
          .slice(0, 10)
          .map((e) => ({ name: names[e.key], flat: e.flat, cum: e.cum }));
      const pick = (r: GoldenRow[]) => r.slice(0, 10).map(({ name, flat, cum }) => ({ name, flat, cum }));
      expect(rows('flat')).toEqual(pick(want.top));
      expect(rows('cum')).toEqual(pick(want.cumTop));
    });
  });
});
