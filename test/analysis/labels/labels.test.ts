/**
 * Label filters (pprof's -tagfocus/-tagignore) and the label breakdown (-tags), against
 * what `go tool pprof` printed for the same files and filters (golden/labels.json, made
 * by make-golden.ts). labels/cpu.pb.gz is a real CPU profile whose work ran under
 * pprof.Do labels (gen/cmd/labels); the heap's "bytes" label is numeric.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../../src/analysis/calltree/calltree';
import { FilterError } from '../../../src/analysis/calltree/filters';
import { labelBreakdown } from '../../../src/analysis/labels/breakdown';
import { labelMask } from '../../../src/analysis/labels/filters';
import { ProfileBuilder, simpleMeta } from '../../../src/model/profile-builder';
import type { Profile } from '../../../src/model/profile';
import { openBytes } from '../../../src/formats/open';
import { LABEL_CASES, labelKey, readGolden, type GoldenLabels } from '../../reference/make-golden';
import { goldenRows, topRows } from '../../reference/top-rows';

const golden = readGolden<Record<string, GoldenLabels>>('labels.json');

const load = async (file: string) => (await openBytes(new Uint8Array(readFileSync(`test/fixtures/${file}`)))).profile!;

describe.each(LABEL_CASES.map((c) => [labelKey(c), c] as const))('%s', (_, c) => {
  const want = golden[labelKey(c)];

  it('keeps the samples pprof keeps: same total, same top 10 by flat and by cum', async () => {
    const p = await load(c.file);
    const spec = { sampleType: p.sampleTypes.findIndex((t) => t.type === c.sampleIndex), granularity: 'function' as const, ...c };
    // As pprof, a filter never changes the total percentages refer to.
    expect(buildCallTree(p, spec).profileTotal).toBe(want.top.total);
    expect(topRows(p, spec, 'flat')).toEqual(goldenRows(want.top.top));
    expect(topRows(p, spec, 'cum')).toEqual(goldenRows(want.top.cumTop));
  });

  it("breaks the kept samples down by label as pprof's -tags does", async () => {
    const p = await load(c.file);
    const sampleType = p.sampleTypes.findIndex((t) => t.type === c.sampleIndex);
    const ours = labelBreakdown(p, sampleType, labelMask(p, c));
    expect(ours.map((k) => [k.key, k.total])).toEqual(want.tags.keys.map((k) => [k.key, k.total]));
    for (const k of ours) {
      const theirs = want.tags.keys.find((w) => w.key === k.key)!;
      // pprof prints numbers in their unit ("1MB"); compare the string labels' values by name.
      if (k.values[0]?.numeric) expect(k.values.map((v) => v.total).sort()).toEqual(theirs.values.map((v) => v.total).sort());
      else expect(k.values.map((v) => [v.value, v.total])).toEqual(theirs.values.map((v) => [v.value, v.total]));
    }
  });
});

/** Three samples: status=200 (a string), status=500, and one with a numeric bytes label. */
function tiny(): Profile {
  const b = new ProfileBuilder(1);
  const leaf = b.stackLeafFirst([b.frame('main.f')]);
  b.stringLabel(b.sample(leaf, [1]), 'status', '200');
  b.stringLabel(b.sample(leaf, [2]), 'status', '500');
  b.numberLabel(b.sample(leaf, [4]), 'bytes', 2048);
  return b.build(simpleMeta('pprof', [{ type: 'samples', unit: 'count' }]));
}

describe('label filter syntax', () => {
  const kept = (tagfocus?: string, tagignore?: string) => [...(labelMask(tiny(), { tagfocus, tagignore }) ?? [])];

  it('a number against a key that only has strings is a regex there, not an empty range', () => {
    expect(kept('status=200')).toEqual([1, 0, 0]);
    expect(kept('status=^5')).toEqual([0, 1, 0]);
  });

  it('numeric ranges take units; an end may be left out', () => {
    expect(kept('bytes=2kb')).toEqual([0, 0, 1]);
    expect(kept('bytes=3kb:')).toEqual([0, 0, 0]);
    expect(kept(undefined, ':2kb')).toEqual([1, 1, 0]);
  });

  it('without a key every regex must match some key:value', () => {
    expect(kept('status:200')).toEqual([1, 0, 0]);
    expect(kept('status,500')).toEqual([0, 1, 0]);
  });

  it('an invalid regex is an error that names the filter', () => {
    expect(() => labelMask(tiny(), { tagfocus: 'status=(' })).toThrow(FilterError);
    expect(() => labelMask(tiny(), { tagfocus: 'status=(' })).toThrow(/^tagfocus: invalid regular expression/);
  });
});
