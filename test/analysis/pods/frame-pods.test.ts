/**
 * A frame's value pod by pod in a merge of three real heap profiles: for every frame of
 * the merge's call tree, each pod's part equals the same call path's value in that pod's
 * own profile, and the parts add up to the frame's value in the merge.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCallTree, sampleValues, type CallTree } from '../../../src/analysis/calltree/calltree';
import { resolvePath } from '../../../src/analysis/calltree/flame';
import { nodePodShares, samplePods } from '../../../src/analysis/pods/frame-pods';
import { mergeProfiles } from '../../../src/analysis/pods/merge';
import { openBytes } from '../../../src/formats/open';

const HEAPS = ['heap-1', 'heap-2', 'heap-3'];
const spec = { sampleType: 3, granularity: 'function' as const };

function pathOf(tree: CallTree, node: number): string[] {
  const names: string[] = [];
  for (let n = node; n > 0; n = tree.parent[n]) names.push(tree.keys.names[tree.key[n]]);
  return names.reverse();
}

describe('a frame by pod', () => {
  it('each pod holds what its own profile has on the same path; the parts add up to the frame', async () => {
    const profiles = await Promise.all(HEAPS.map(async (h) => (await openBytes(new Uint8Array(readFileSync(`test/fixtures/incident5/${h}.pb.gz`)))).profile!));
    const merged = mergeProfiles(profiles.map((profile, i) => ({ name: HEAPS[i], pod: `api-${i}`, profile })));
    const pods = samplePods(merged)!;
    expect(pods.pods).toEqual(['api-0', 'api-1', 'api-2']);
    expect(samplePods(profiles[0])).toBeNull();
    const tree = buildCallTree(merged, spec);
    const own = profiles.map((p) => buildCallTree(p, spec));
    const values = sampleValues(merged, spec.sampleType);
    expect(tree.count).toBeGreaterThan(50);
    for (let node = 0; node < tree.count; node++) {
      const { pods: shares, unlabelled } = nodePodShares(tree, node, values, pods);
      expect(unlabelled).toBe(0);
      expect(shares.reduce((n, s) => n + s.value, 0)).toBeCloseTo(tree.total[node], 6);
      const path = pathOf(tree, node);
      for (const [i, t] of own.entries()) {
        const at = resolvePath(t, path);
        const want = at.path.length === path.length ? t.total[at.node] : 0;
        expect(shares.find((s) => s.pod === `api-${i}`)?.value ?? 0).toBe(want);
      }
    }
  });
});
