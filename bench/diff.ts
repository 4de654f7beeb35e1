/**
 * Diff speed in Node: from two decoded profiles to the diff and the first pruned diff
 * flame answer (what the worker does when the user picks a pair), with CPU's default
 * meaning (-diff_base -normalize). "cold": no call tree built (the answer reads trees
 * grown on demand); "warm": the base's whole tree built (the worker's cache after the
 * flame tab showed it). "whole" then builds both whole trees, as the diff table needs.
 * With one file, the target is a changed copy: every third sample dropped, every fifth
 * doubled.
 *   node --import tsx bench/diff.ts [a.pb.gz] [b.pb.gz]
 */
import { readFileSync } from 'node:fs';
import { LazyCallTree } from '../src/analysis/calltree/lazy';
import { diffFlame } from '../src/analysis/diff/flame';
import { buildDiffTree, type SideTrees } from '../src/analysis/diff/tree';
import type { Profile } from '../src/model/profile';
import { openBytes } from '../src/formats/open';
import { timeIt } from './measure';

const FLAME_WIDTH_PX = 1400;

async function load(path: string): Promise<Profile> {
  const { profile } = await openBytes(new Uint8Array(readFileSync(path)));
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

/** The diff and its first flame answer; `whole` also builds both sides' whole trees. */
async function timeDiff(p: Pair, sides: () => SideTrees, whole = false): Promise<{ ms: number; nodes: number }> {
  const t = await timeIt(3, () => {
    const diff = buildDiffTree(
      { profile: p.base, sampleType: p.type },
      { profile: p.target, sampleType: p.targetType },
      { granularity: 'function' },
      { meaning: 'diff_base', normalize: true },
      sides(),
    );
    const { nodeCount } = diffFlame(diff, [], 1 / (2 * FLAME_WIDTH_PX));
    // The size of what was compared: frames answered, or both sides' call-tree nodes.
    return whole ? diff.baseTree.count + diff.targetTree.count : nodeCount;
  });
  return { ms: t.ms, nodes: t.result };
}

/** Cold, as `npm run bench -- diff` reports it: the first flame answer and both whole call trees. */
export async function benchDiff(a: string, b: string): Promise<{ ms: number; nodes: number }> {
  return timeDiff(await pairOf(a, b), () => ({}), true);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = process.argv[2] ?? 'test/fixtures/large/cpu-large.pb.gz';
  const b = process.argv[3] ?? a;
  const p = await pairOf(a, b);
  const what = `${a} vs ${b === a ? 'a changed copy' : b}`;
  const cold = await timeDiff(p, () => ({}));
  console.log(`diff cold ${what}: ${cold.ms.toFixed(0)} ms to the first flame answer (${cold.nodes} frames)`);
  const base = new LazyCallTree(p.base, { sampleType: p.type, granularity: 'function' });
  base.tree;
  const warm = await timeDiff(p, () => ({ base }));
  console.log(`diff warm (base call tree cached): ${warm.ms.toFixed(0)} ms`);
  const whole = await benchDiff(a, b);
  console.log(`diff cold, then both whole call trees (the table's): ${whole.ms.toFixed(0)} ms, ${whole.nodes} call-tree nodes`);
}
