/**
 * A function's line values from one pass over the stacks equal the top table's at line
 * granularity for that function's keys (itself checked against pprof -top -lines), under
 * pprof's filters too: location stacks (pprof protobuf, with inlining) and trie stacks (a
 * goroutine dump).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree, sampleValues, type ViewSpec } from '../../../src/analysis/calltree/calltree';
import { frameFilterFlags } from '../../../src/analysis/calltree/filters';
import { topEntries } from '../../../src/analysis/calltree/top';
import { functionFiles, hottestLine } from '../../../src/analysis/source/function-lines';
import { openBytes } from '../../../src/formats/open';
import type { Profile } from '../../../src/model/profile';

type Filters = Omit<ViewSpec, 'sampleType' | 'granularity'>;

/** From the line-granularity top table: per function, its lines' values by file. */
function viaTop(p: Profile, sampleType: number, filters: Filters) {
  const tree = buildCallTree(p, { sampleType, granularity: 'line', ...filters });
  const byFunc = new Map<string, Map<string, Map<number, { line: number; flat: number; cum: number }>>>();
  const entry = new Map(topEntries(tree).map((e) => [e.key, e]));
  for (let f = 0; f < p.frames.count; f++) {
    const e = entry.get(tree.keys.ofFrame[f]);
    const path = p.strings[p.frames.file[f]];
    if (!e || !path) continue;
    const fn = p.strings[p.frames.func[f]];
    const files = byFunc.get(fn) ?? byFunc.set(fn, new Map()).get(fn)!;
    const lines = files.get(path) ?? files.set(path, new Map()).get(path)!;
    lines.set(p.frames.line[f], { line: p.frames.line[f], flat: e.flat, cum: e.cum });
  }
  return byFunc;
}

const CASES: [string, Filters[]][] = [
  ['test/fixtures/incident4/cpu.pb.gz', [{}, { hide: 'runtime\\.' }, { focus: 'queryProperties', ignore: 'Atoi' }]],
  ['test/fixtures/incident3/goroutine-t1.debug2.txt', [{}, { hide: '^runtime\\.gopark$' }]],
];

describe('line values of a function', () => {
  it.each(CASES)('%s equal the line-granularity top table', async (file, variants) => {
    const p = (await openBytes(new Uint8Array(readFileSync(file)))).profile!;
    for (const filters of variants) {
      const want = viaTop(p, p.defaultSampleType, filters);
      const kept = buildCallTree(p, { sampleType: p.defaultSampleType, granularity: 'function', ...filters }).sampleNode;
      const flags = frameFilterFlags(p, filters);
      expect(want.size).toBeGreaterThan(5);
      for (const [fn, files] of want) {
        const got = functionFiles(p, fn, sampleValues(p, p.defaultSampleType), kept, flags);
        expect(got.map((f) => [f.path, f.lines])).toEqual(
          [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, lines]) => [path, [...lines.values()].sort((a, b) => a.line - b.line)]),
        );
      }
    }
  });

  it('picks the line of largest cum as the hottest, then flat', () => {
    expect(hottestLine([{ line: 3, flat: 5, cum: 10 }, { line: 7, flat: 9, cum: 10 }, { line: 9, flat: 1, cum: 2 }])).toEqual({ line: 7, flat: 9, cum: 10 });
    expect(hottestLine([])).toBeNull();
  });
});
