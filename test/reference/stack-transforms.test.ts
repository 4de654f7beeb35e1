/**
 * Transforms against the pprof options that do the same (make-transforms-golden.ts): every
 * top-table row, flat and cum, and what the view shows in all, under drop (-ignore), merge
 * (-hide), focus on a function (-focus with -show_from), show (-show) and prune callees
 * (-prune_from). The goldens are checked against the tool when Go is installed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../src/analysis/calltree/calltree';
import { sortTop, topEntries } from '../../src/analysis/calltree/top';
import { treeViewOf } from '../../src/analysis/transforms/list';
import { openBytes } from '../../src/formats/open';
import { hasGo, type TopRow } from './go-pprof';
import { readGolden } from './make-golden';
import { TRANSFORM_CASES, TRANSFORM_GOLDEN, caseKey, pprofCase } from './make-transforms-golden';

const golden = readGolden<Record<string, TopRow[]>>(TRANSFORM_GOLDEN);

describe('transforms equal the matching go tool pprof options', () => {
  it.each(TRANSFORM_CASES.map((c) => [caseKey(c), c] as const))('%s', async (key, c) => {
    const p = (await openBytes(new Uint8Array(readFileSync(c.file)))).profile!;
    const sampleType = p.sampleTypes.findIndex((t) => t.type === c.sampleType);
    // Through the transform's own definition, as the app applies it.
    const tree = buildCallTree(p, { sampleType, ...treeViewOf([c.transform]) });
    const names = tree.keys.names;
    const ours = sortTop(topEntries(tree), names, 'flat', true).map((e) => ({ name: names[e.key], flat: e.flat, cum: e.cum }));
    const want = golden[key]!;
    expect(want.length).toBeGreaterThan(3);
    expect(ours).toEqual(want.map((r) => ({ name: r.name, flat: r.flat, cum: r.cum })));
    // pprof shows every node here, so its "Showing nodes accounting for" is the sum of flat.
    expect(tree.total[0]).toBe(want.reduce((s, r) => s + r.flat, 0));
  });
});

describe.skipIf(!hasGo())('stack-transforms.json is what go tool pprof prints today', () => {
  it.each(TRANSFORM_CASES.map((c) => [caseKey(c), c] as const))('%s', (key, c) => {
    expect(pprofCase(c)).toEqual(golden[key]);
  }, 60_000);
});
