/**
 * A series: three or more snapshots of one process, in time order, and each
 * function's flat and cum value in every snapshot (0 where it is absent).
 */
import { buildCallTree } from '../calltree/calltree';
import { topEntries } from '../calltree/top';
import type { DiffView } from '../diff/tree';
import { singleTypeView } from '../diff/normalize';
import type { Profile } from '../../model/profile';

export interface Snapshot {
  profile: Profile;
  /** Index of the series' sample type in this profile. */
  sampleType: number;
}

export interface SeriesTable {
  names: string[];
  files: string[];
  /** flat[k][i]: function k's flat value in snapshot i. */
  flat: Float64Array[];
  cum: Float64Array[];
  /** Each snapshot's total (before filters). */
  totals: number[];
}

export function buildSeries(snapshots: Snapshot[], view: DiffView): SeriesTable {
  const index = new Map<string, number>();
  const names: string[] = [];
  const files: string[] = [];
  const flat: Float64Array[] = [];
  const cum: Float64Array[] = [];
  const totals: number[] = [];
  const n = snapshots.length;
  snapshots.forEach((s, i) => {
    const tree = buildCallTree(singleTypeView(s.profile, s.sampleType), { ...view, sampleType: 0 });
    totals.push(tree.profileTotal);
    for (const e of topEntries(tree)) {
      const name = tree.keys.names[e.key];
      let k = index.get(name);
      if (k === undefined) {
        k = names.length;
        index.set(name, k);
        names.push(name);
        files.push(tree.keys.files[e.key]);
        flat.push(new Float64Array(n));
        cum.push(new Float64Array(n));
      }
      flat[k][i] = e.flat;
      cum[k][i] = e.cum;
    }
  });
  return { names, files, flat, cum, totals };
}
