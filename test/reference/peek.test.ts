/**
 * Callers and callees against `go tool pprof -peek`: for every incident fixture, the five
 * functions of largest cum, each caller's and callee's value and share of the function's
 * cum; for each diff of golden/diffs.json, the same under -diff_base (values are the
 * target's minus the base's). The expected text is the committed golden
 * (make-peek-golden.ts); with Go installed the golden is checked against the tool too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../src/analysis/calltree/calltree';
import { peek } from '../../src/analysis/calltree/peek';
import { diffPeek } from '../../src/analysis/diff/peek';
import { buildDiffTree } from '../../src/analysis/diff/tree';
import { openBytes } from '../../src/formats/open';
import type { Profile } from '../../src/model/profile';
import { hasGo } from './go-pprof';
import { parsePeekOutput, type PeekResult } from './go-pprof-peek';
import { readGolden } from './make-golden';
import { DIFF_PAIRS } from './make-golden';
import { PEEK_FUNCTIONS, PEEK_GOLDEN, peekDiffGolden, peekFixtures, peekGolden, type PeekGolden } from './make-peek-golden';

const all = readGolden<PeekGolden[]>(PEEK_GOLDEN);
const goldens = all.filter((g) => !g.base);
const diffGoldens = all.filter((g) => g.base);

/** A share as pprof prints it: two decimals from 1% up, two significant digits below. */
function printed(value: number, cum: number): number {
  const pct = cum === 0 ? 0 : Math.abs(value / cum) * 100;
  if (pct >= 99.95 && pct <= 100.05) return 100;
  return pct >= 1 ? Number(pct.toFixed(2)) : Number(pct.toPrecision(2));
}

async function open(file: string): Promise<Profile> {
  return (await openBytes(new Uint8Array(readFileSync(file)))).profile!;
}

async function ours(g: PeekGolden): Promise<PeekResult[]> {
  const p = await open(g.file);
  const tree = buildCallTree(p, { sampleType: p.sampleTypes.findIndex((t) => t.type === g.sampleType), granularity: 'function' });
  const names = tree.keys.names;
  return g.peeks.map(({ name }) => {
    const r = peek(tree, names.indexOf(name));
    const rows = (edges: typeof r.callers) => edges.map((e) => ({ name: names[e.key], value: e.value, pct: printed(e.value, r.cum) }));
    return { name, flat: r.flat, cum: r.cum, callers: rows(r.callers), callees: rows(r.callees) };
  });
}

async function oursDiff(g: PeekGolden): Promise<PeekResult[]> {
  const [base, target] = [await open(g.base!), await open(g.file)];
  const side = (p: Profile) => ({ profile: p, sampleType: p.sampleTypes.findIndex((t) => t.type === g.sampleType) });
  const tree = buildDiffTree(side(base), side(target), { granularity: 'function' }, { meaning: 'diff_base', normalize: false });
  return g.peeks.map(({ name }) => {
    const r = diffPeek(tree, name)!;
    const rows = (edges: typeof r.callers) => edges.map((e) => ({ name: e.name, value: e.delta, pct: printed(e.delta, r.cum.delta) }));
    return { name, flat: r.flat.delta, cum: r.cum.delta, callers: rows(r.callers), callees: rows(r.callees) };
  });
}

describe('callers and callees equal go tool pprof -peek', () => {
  it('covers every incident fixture, five functions each where it has five', () => {
    expect(goldens.map((g) => g.file.replace('test/fixtures/', ''))).toEqual(peekFixtures());
    // incident2's threadcreate profile has one stack of one frame.
    expect(goldens.filter((g) => g.peeks.length < PEEK_FUNCTIONS).map((g) => g.file)).toEqual(['test/fixtures/incident2/main-1-threadcreate-1732262400.pprof']);
  });

  it('reads the output shape', () => {
    const text = `Showing nodes accounting for 2710000000ns, 100% of 2710000000ns total
----------------------------------------------------------+-------------
      flat  flat%   sum%        cum   cum%   calls calls% + context 	 	 
----------------------------------------------------------+-------------
                                       980000000ns   100% |   main.(*RuleStore).loadAllRules
180000000ns  6.64%  6.64% 980000000ns 36.16%                | main.fakeDB.queryProperties
                                       490000000ns 50.00% |   fmt.Sprintf (inline)
                                        20000000ns  2.04% |   runtime.makeslice
----------------------------------------------------------+-------------
`;
    expect(parsePeekOutput(text)).toEqual({
      name: 'main.fakeDB.queryProperties',
      flat: 180000000,
      cum: 980000000,
      callers: [{ name: 'main.(*RuleStore).loadAllRules', value: 980000000, pct: 100 }],
      callees: [
        { name: 'fmt.Sprintf', value: 490000000, pct: 50 },
        { name: 'runtime.makeslice', value: 20000000, pct: 2.04 },
      ],
    });
  });

  it.each(goldens.map((g) => [`${g.file} ${g.sampleType}`, g] as const))('%s', async (_n, g) => {
    expect(await ours(g)).toEqual(g.peeks);
  });

  it('covers every diff of diffs.json', () => {
    expect(diffGoldens.map((g) => [g.file, g.base])).toEqual(DIFF_PAIRS.map(([f, b]) => [`test/fixtures/${f}`, `test/fixtures/${b}`]));
  });

  it.each(diffGoldens.map((g) => [`${g.file} -diff_base=${g.base} ${g.sampleType}`, g] as const))('%s', async (_n, g) => {
    expect(await oursDiff(g)).toEqual(g.peeks);
  });
});

describe.skipIf(!hasGo())('peek.json is what go tool pprof prints today', () => {
  const rel = (path: string) => path.replace('test/fixtures/', '');
  it.each(all.map((g) => [`${g.file}${g.base ? ` -diff_base=${g.base}` : ''}`, g] as const))('%s', (_n, g) => {
    expect(g.base ? peekDiffGolden([rel(g.file), rel(g.base)]) : peekGolden(rel(g.file))).toEqual(g);
  }, 60_000);
});
