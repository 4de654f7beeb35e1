/**
 * The diff's top table equals `go tool pprof -top -diff_base=before after` and
 * `-base=before after`, with and without -normalize: every row's flat and cum, the
 * row set and order, the total and each printed percentage. Against the real tool when
 * Go is installed; against committed goldens (make-golden.ts) always.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASES, CPU_CASES, type DiffCase } from './cases';
import { diffOf, ourTop } from './ours';
import { fileSha, hasGo, pprofDiffTop, printedPrecision, type PprofRow, type PprofTop } from './pprof-top';

interface Golden extends PprofTop {
  base: string;
  target: string;
  rowCount: number;
}
const goldens = JSON.parse(readFileSync('test/reference/diff/golden.json', 'utf8')) as Record<string, Golden>;
/** CPU_CASES read shared test data outside the repository; the committed fixtures are always there. */
const present = (c: DiffCase) => existsSync(c.base) && existsSync(c.target);

/** Each printed row matches ours exactly in value and within print rounding in percent. */
function expectRows(ours: PprofTop, want: PprofRow[]) {
  const byName = new Map(ours.rows.map((r) => [r.name, r]));
  for (const w of want) {
    const g = byName.get(w.name);
    expect(g, w.name).toBeDefined();
    expect([g!.flat, g!.cum], w.name).toEqual([w.flat, w.cum]);
    for (const k of ['flatPct', 'sumPct', 'cumPct'] as const)
      expect(Math.abs(g![k] - w[k]), `${k} of ${w.name}`).toBeLessThanOrEqual(printedPrecision(w[k]) + 1e-9);
  }
  // Same order: pprof sorts by |flat|, then name.
  expect(ours.rows.slice(0, want.length).map((r) => r.name)).toEqual(want.map((r) => r.name));
}

describe('diff top table vs committed pprof goldens', () => {
  describe.each(CASES.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const g = goldens[id];
    it('matches the golden (made from these exact fixture bytes)', async () => {
      expect(g, `no golden for ${id}: run npx tsx test/reference/diff/make-golden.ts`).toBeDefined();
      expect([fileSha(c.base), fileSha(c.target)], 'fixtures changed since the golden was made: rerun make-golden.ts').toEqual([g.base, g.target]);
      const ours = ourTop(await diffOf(c));
      expect(ours.total).toBe(g.total);
      expect(ours.rows.length).toBe(g.rowCount);
      expectRows(ours, g.rows);
    });
  });
});

describe.skipIf(!hasGo)('diff top table vs go tool pprof (live)', () => {
  describe.each(CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('has the same total, rows, values and percentages', async () => {
      const want = pprofDiffTop(c);
      const ours = ourTop(await diffOf(c));
      expect(ours.total).toBe(want.total);
      expect(ours.rows.length).toBe(want.rows.length);
      expectRows(ours, want.rows);
    });
  });

  // Two different binaries: pprof aligns -base samples by address, we by name (see README
  // of the diff); values agree everywhere, and -diff_base's total (the base's) too.
  describe.each(CPU_CASES.filter(present).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('has the same rows and values' + (c.meaning === 'diff_base' ? ', total and percentages' : ''), async () => {
      const want = pprofDiffTop(c);
      const ours = ourTop(await diffOf(c));
      expect(ours.rows.length).toBe(want.rows.length);
      if (c.meaning === 'diff_base') {
        expect(ours.total).toBe(want.total);
        expectRows(ours, want.rows);
      } else {
        const byName = new Map(ours.rows.map((r) => [r.name, r]));
        for (const w of want.rows) expect([byName.get(w.name)?.flat, byName.get(w.name)?.cum]).toEqual([w.flat, w.cum]);
      }
    });
  });
});
