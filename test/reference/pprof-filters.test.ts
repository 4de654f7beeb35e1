/**
 * Filters and granularity against the real `go tool pprof` (runs when Go is installed):
 * focus, ignore and hide over function and file names, and function+line granularity.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree, type ViewSpec } from '../../src/analysis/calltree/calltree';
import { sortTop, topEntries } from '../../src/analysis/calltree/top';
import { openBytes } from '../../src/formats/open';
import { hasGo, pprofTop, type TopOptions } from './go-pprof';

const CASES: { file: string; sampleType: string; opts: TopOptions }[] = [
  { file: 'test/fixtures/incident4/heap.pb.gz', sampleType: 'inuse_space', opts: { focus: 'queryProperties' } },
  { file: 'test/fixtures/incident4/heap.pb.gz', sampleType: 'alloc_space', opts: { ignore: 'Sprintf' } },
  { file: 'test/fixtures/incident4/heap.pb.gz', sampleType: 'inuse_space', opts: { hide: 'fmt\\.|strconv' } },
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', opts: { focus: 'main\\.', ignore: 'runtime\\.gc', hide: 'runtime\\.mallocgc' } },
  { file: 'test/fixtures/incident4/cpu.pb.gz', sampleType: 'cpu', opts: { granularity: 'lines' } },
  { file: 'test/fixtures/incident1/heap-after.pb.gz', sampleType: 'inuse_space', opts: { focus: 'workqueue', granularity: 'lines' } },
];

describe.skipIf(!hasGo())('filters and granularity equal go tool pprof', () => {
  it.each(CASES.map((c) => [`${c.file} ${c.sampleType} ${JSON.stringify(c.opts)}`, c] as const))('%s', async (_n, c) => {
    const want = pprofTop(c.file, { ...c.opts, sampleIndex: c.sampleType });
    const { profile } = await openBytes(new Uint8Array(readFileSync(c.file)));
    const p = profile!;
    const spec: ViewSpec = {
      sampleType: p.sampleTypes.findIndex((t) => t.type === c.sampleType),
      granularity: c.opts.granularity === 'lines' ? 'line' : 'function',
      focus: c.opts.focus,
      ignore: c.opts.ignore,
      hide: c.opts.hide,
    };
    const tree = buildCallTree(p, spec);
    expect(tree.profileTotal).toBe(want.total);
    expect(tree.total[0]).toBe(want.shown);
    const names = tree.keys.names;
    const got = sortTop(topEntries(tree), names, 'flat', true).map((e) => ({ flat: e.flat, cum: e.cum, name: names[e.key] }));
    const rows = want.rows.map((r) => ({ flat: r.flat, cum: r.cum, name: r.name }));
    // Line names: pprof prints "func path/file.go:N"; ours keep the same parts.
    expect(got.slice(0, 15).map((r) => [r.flat, r.cum])).toEqual(rows.slice(0, 15).map((r) => [r.flat, r.cum]));
    expect(got.slice(0, 15).map((r) => r.name)).toEqual(rows.slice(0, 15).map((r) => r.name));
  });
});
