/** Our diff of a case, shaped like pprof's -top table. */
import { readFileSync } from 'node:fs';
import { diffEntries, percentOf, sortDiff } from '../../../src/analysis/diff/top';
import { buildDiffTree, type DiffTree } from '../../../src/analysis/diff/tree';
import { sampleTypeIndex, type Profile } from '../../../src/model/profile';
import { openBytes } from '../../../src/formats/open';
import type { DiffCase } from './cases';
import type { PprofTop } from './pprof-top';

export async function loadProfile(path: string): Promise<Profile> {
  const { profile } = await openBytes(new Uint8Array(readFileSync(path)));
  if (!profile) throw new Error(`${path} has no profile`);
  return profile;
}

export async function diffOf(c: DiffCase): Promise<DiffTree> {
  const base = await loadProfile(c.base);
  const target = await loadProfile(c.target);
  return buildDiffTree(
    { profile: base, sampleType: sampleTypeIndex(base, c.sampleType) },
    { profile: target, sampleType: sampleTypeIndex(target, c.sampleType) },
    { granularity: 'function' },
    { meaning: c.meaning, normalize: c.normalize },
  );
}

export function ourTop(tree: DiffTree): PprofTop {
  const total = tree.totals.percentOf;
  // pprof drops merged samples that sum to zero, so unchanged functions are not listed.
  const entries = sortDiff(diffEntries(tree), tree.names, 'pprof').filter((e) => e.flatDelta !== 0 || e.cumDelta !== 0);
  let sum = 0;
  return {
    total,
    rows: entries.map((e) => {
      sum += e.flatDelta;
      return {
        name: tree.names[e.key],
        flat: e.flatDelta,
        cum: e.cumDelta,
        flatPct: Math.abs(percentOf(e.flatDelta, total)),
        sumPct: Math.abs(percentOf(sum, total)),
        cumPct: Math.abs(percentOf(e.cumDelta, total)),
      };
    }),
  };
}
