/** Our top table in the shape of a golden's rows (name, flat, cum), for comparing with pprof. */
import { buildCallTree, type ViewSpec } from '../../src/analysis/calltree/calltree';
import { sortTop, topEntries } from '../../src/analysis/calltree/top';
import type { Profile } from '../../src/model/profile';

export interface Row {
  name: string;
  flat: number;
  cum: number;
}

/** The first `n` rows by flat or by cum, largest first, as `go tool pprof -top [-cum]` lists them. */
export function topRows(p: Profile, spec: ViewSpec, by: 'flat' | 'cum', n = 10): Row[] {
  const tree = buildCallTree(p, spec);
  const names = tree.keys.names;
  return sortTop(topEntries(tree), names, by, true)
    .slice(0, n)
    .map((e) => ({ name: names[e.key], flat: e.flat, cum: e.cum }));
}

/** A golden's first `n` rows, without the columns we do not compare. */
export function goldenRows(rows: Row[], n = 10): Row[] {
  return rows.slice(0, n).map(({ name, flat, cum }) => ({ name, flat, cum }));
}
