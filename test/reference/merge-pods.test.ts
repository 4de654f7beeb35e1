/**
 * Merging replicas against `go tool pprof a b c`: three real heap profiles merged give
 * pprof's total and every -top row (flat and cum) for every sample type. Live when Go is
 * installed (and the golden is checked against it); from the committed golden otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeProfiles, MergeError, type MergePart } from '../../src/analysis/pods/merge';
import { openBytes } from '../../src/formats/open';
import { sampleTypeIndex } from '../../src/model/profile';
import { hasGo, pprofTop } from './go-pprof';
import { FIXTURES, GOLDEN } from './make-golden';
import { topRows, type Row } from './top-rows';

const HEAPS = ['incident5/heap-1.pb.gz', 'incident5/heap-2.pb.gz', 'incident5/heap-3.pb.gz'];
const TYPES = ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'];
const GOLDEN_FILE = join(GOLDEN, 'merge__incident5-heaps.json');

type Golden = Record<string, { total: number; rows: Row[] }>;

async function part(rel: string, pod: string): Promise<MergePart> {
  const { profile } = await openBytes(new Uint8Array(readFileSync(join(FIXTURES, rel))));
  return { name: rel, pod, profile: profile! };
}

function pprofGolden(): Golden {
  const g: Golden = {};
  for (const type of TYPES) {
    const r = pprofTop(HEAPS.map((h) => join(FIXTURES, h)), { sampleIndex: type });
    g[type] = { total: r.total, rows: r.rows.map(({ name, flat, cum }) => ({ name, flat, cum })) };
  }
  return g;
}

describe('merge of replicas', () => {
  it('three real heap profiles merged: total and every row equal go tool pprof -top a b c, for every sample type', async () => {
    const merged = mergeProfiles(await Promise.all(HEAPS.map((h, i) => part(h, `api-${i}`))));
    let want: Golden;
    if (hasGo()) {
      want = pprofGolden();
      if (!existsSync(GOLDEN_FILE)) writeFileSync(GOLDEN_FILE, `${JSON.stringify(want, null, 1)}\n`);
      expect(JSON.parse(readFileSync(GOLDEN_FILE, 'utf8'))).toEqual(want);
    } else {
      want = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Golden;
    }
    expect(Object.keys(want)).toEqual(TYPES);
    for (const type of TYPES) {
      const st = sampleTypeIndex(merged, type);
      const rows = topRows(merged, { sampleType: st, granularity: 'function' }, 'flat', Infinity);
      expect(merged.samples.values[st].reduce((a, b) => a + b, 0), type).toBe(want[type].total);
      // pprof breaks ties among equal |flat| by name in its own way: compare as a set of rows.
      const byName = new Map(rows.map((r) => [r.name, r]));
      expect(want[type].rows.map((r) => byName.get(r.name)), type).toEqual(want[type].rows);
      expect(rows.filter((r) => r.flat !== 0 || r.cum !== 0)).toHaveLength(want[type].rows.length);
    }
  });

  it('every sample carries its pod, so the label breakdown is the merge by pod', async () => {
    const parts = await Promise.all(HEAPS.map((h, i) => part(h, `api-${i}`)));
    const merged = mergeProfiles(parts);
    const st = sampleTypeIndex(merged, 'inuse_space');
    const byPod = new Map<string, number>();
    const l = merged.labels;
    for (let i = 0; i < l.count; i++) {
      if (merged.strings[l.key[i]] !== 'pod') continue;
      const pod = merged.strings[l.str[i]];
      byPod.set(pod, (byPod.get(pod) ?? 0) + merged.samples.values[st][l.sample[i]]);
    }
    const own = (i: number) => parts[i].profile.samples.values[sampleTypeIndex(parts[i].profile, 'inuse_space')].reduce((a, b) => a + b, 0);
    expect([...byPod]).toEqual(parts.map((p, i) => [p.pod, own(i)]));
  });

  it('profiles of different sample types are refused with a message naming the two files', async () => {
    const heap = await part('incident5/heap-1.pb.gz', 'a');
    const cpu = await part('incident4/cpu.pb.gz', 'b');
    expect(() => mergeProfiles([heap, cpu])).toThrow(MergeError);
    expect(() => mergeProfiles([heap, cpu])).toThrow(
      /^incident5\/heap-1\.pb\.gz and incident4\/cpu\.pb\.gz cannot be merged: their sample types differ \(alloc_objects\/count.* against samples\/count, cpu\/nanoseconds\)$/,
    );
  });
});
