/**
 * Our decoder and top table against `go tool pprof` on every real fixture: sample count,
 * total per sample type, and the first rows by flat and by cum. The expected numbers are
 * the committed goldens (made by make-golden.ts from the real tool); go-pprof.test.ts
 * checks that the goldens still match the tool when Go is installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../src/analysis/calltree/calltree';
import { openBytes } from '../../src/formats/open';
import { fixtureGoldens } from './make-golden';
import { goldenRows, topRows } from './top-rows';

const goldens = fixtureGoldens();

/** pprof prints values rounded to its unit; compare at that precision. */
const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1, Math.abs(b) * 1e-9);

describe('pprof parity on real fixtures', () => {
  it('has goldens for the fixtures', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(goldens.map((g) => [g.file, g] as const))('%s', (_name, g) => {
    it('decodes with the same sample types and sample count', async () => {
      const { profile } = await openBytes(new Uint8Array(readFileSync(g.file)));
      expect(profile!.sampleTypes).toEqual(g.sampleTypes);
      expect(profile!.samples.count).toBe(g.sampleCount);
    });

    it.each(Object.keys(g.byType))('sample type %s: total and top 10 by flat and by cum', async (type) => {
      const { profile } = await openBytes(new Uint8Array(readFileSync(g.file)));
      const p = profile!;
      const want = g.byType[type];
      const spec = { sampleType: p.sampleTypes.findIndex((t) => t.type === type), granularity: 'function' as const };
      expect(close(buildCallTree(p, spec).profileTotal, want.total)).toBe(true);
      expect(topRows(p, spec, 'flat')).toEqual(goldenRows(want.top));
      expect(topRows(p, spec, 'cum')).toEqual(goldenRows(want.cumTop));
    });
  });
});
