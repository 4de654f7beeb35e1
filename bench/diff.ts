/**
 * Diff speed in Node: from two decoded profiles to the diff and the first pruned diff
 * flame answer (what the worker does when the user picks a pair), with CPU's default
 * meaning (-diff_base -normalize). "cold" builds both call trees; "warm" reuses the
 * base's (the worker's cache after the flame tab showed it). With one file, the target
 * is a changed copy: every third sample dropped, every fifth doubled.
 *   node --import tsx bench/diff.ts [a.pb.gz] [b.pb.gz]
 */
import { readFileSync } from 'node:fs';
import { buildCallTree } from '../src/analysis/calltree/calltree';
import { diffFlame } from '../src/analysis/diff/flame';
import { buildDiffTree, type PrebuiltTrees } from '../src/analysis/diff/tree';
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

interface Pair {
  base: Profile;
  target: Profile;
  type: number;
  targetType: number;
}

async function pairOf(a: string, b: string): Promise<Pair> {
  const base = await load(a);
  const target = a === b ? changedCopy(base) : await load(b);
  const type = base.defaultSampleType;
  const targetType = target.sampleTypes.findIndex((t) => t.type === base.sampleTypes[type].type);
  if (targetType < 0) throw new Error(`${b} has no sample type ${base.sampleTypes[type].type}`);
  return { base, target, type, targetType };
}

async function timeDiff(p: Pair, prebuilt: PrebuiltTrees): Promise<{ ms: number; nodes: number }> {
  const t = await timeIt(3, () => {
    const diff = buildDiffTree(
      { profile: p.base, sampleType: p.type },
      { profile: p.target, sampleType: p.targetType },
      { granularity: 'function' },
      { meaning: 'diff_base', normalize: true },
      prebuilt,
    );
    diffFlame(diff, [], 1 / (2 * FLAME_WIDTH_PX));
    // The size of what was compared: both sides' call-tree nodes.
    return diff.baseTree.count + diff.targetTree.count;
  });
  return { ms: t.ms, nodes: t.result };
}

/** Cold: both call trees built, then the diff and its first flame answer. */
export async function benchDiff(a: string, b: string): Promise<{ ms: number; nodes: number }> {
  return timeDiff(await pairOf(a, b), {});
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = process.argv[2] ?? 'test/fixtures/large/cpu-large.pb.gz';
  const b = process.argv[3] ?? a;
  const p = await pairOf(a, b);
  const what = `${a} vs ${b === a ? 'a changed copy' : b}`;
  const cold = await timeDiff(p, {});
  console.log(`diff cold ${what}: ${cold.ms.toFixed(0)} ms, ${cold.nodes} call-tree nodes compared`);
  const base = buildCallTree(p.base, { sampleType: p.type, granularity: 'function' });
  const warm = await timeDiff(p, { base });
  console.log(`diff warm (base call tree cached): ${warm.ms.toFixed(0)} ms`);
}
