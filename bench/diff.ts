/**
 * Diff speed in Node: from two decoded profiles to the diff tree and the first pruned
 * diff flame answer (what the worker does when the user picks a pair). With one file,
 * the target is a changed copy of it: every third sample dropped, every fifth doubled.
 *   node --import tsx bench/diff.ts [a.pb.gz] [b.pb.gz]
 */
import { readFileSync } from 'node:fs';
import { diffFlameSubtree } from '../src/analysis/diff/flame';
import { buildDiffTree } from '../src/analysis/diff/tree';
import type { Profile } from '../src/model/profile';
import { loadFile } from '../src/worker/load';
import { timeIt } from './measure';

const FLAME_WIDTH_PX = 1400;

async function load(path: string): Promise<Profile> {
  const { profile } = await loadFile(new Uint8Array(readFileSync(path)));
  if (!profile) throw new Error(`${path}: no profile`);
  return profile;
}

/** Same stacks, different values: some stacks vanish, some grow. */
function changedCopy(p: Profile): Profile {
  const values = p.samples.values.map((col) => col.map((v, i) => (i % 3 === 0 ? 0 : i % 5 === 0 ? v * 2 : v)));
  return { ...p, samples: { ...p.samples, values } };
}

export async function benchDiff(a: string, b: string): Promise<{ ms: number; nodes: number }> {
  const base = await load(a);
  const target = a === b ? changedCopy(base) : await load(b);
  const type = base.defaultSampleType;
  const ti = target.sampleTypes.findIndex((t) => t.type === base.sampleTypes[type].type);
  const t = await timeIt(3, () => {
    const tree = buildDiffTree(
      { profile: base, sampleType: type },
      { profile: target, sampleType: ti },
      { granularity: 'function' },
      { meaning: 'diff_base', normalize: true },
    );
    diffFlameSubtree(tree, 0, 1 / (2 * FLAME_WIDTH_PX));
    return tree.count;
  });
  return { ms: t.ms, nodes: t.result };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = process.argv[2] ?? 'test/fixtures/large/cpu-large.pb.gz';
  const b = process.argv[3] ?? a;
  benchDiff(a, b).then((r) => console.log(`diff ${a} vs ${b === a ? 'changed copy' : b}: ${r.ms.toFixed(0)} ms, ${r.nodes} diff nodes`));
}
