/** The top table: flat and cum per frame key, as `go tool pprof -top` computes them. */
import { walkWithRecursion, type CallTree } from './calltree';

export interface TopEntry {
  key: number;
  flat: number;
  cum: number;
}

export function topEntries(tree: CallTree): TopEntry[] {
  const n = tree.keys.names.length;
  const flat = new Float64Array(n);
  const cum = new Float64Array(n);
  const seen = new Uint8Array(n);
  for (let node = 1; node < tree.count; node++) {
    flat[tree.key[node]] += tree.self[node];
  }
  walkWithRecursion(tree, (node, recursive) => {
    const k = tree.key[node];
    seen[k] = 1;
    if (!recursive) cum[k] += tree.total[node];
  });
  const out: TopEntry[] = [];
  for (let k = 0; k < n; k++) {
    if (seen[k] && (flat[k] !== 0 || cum[k] !== 0)) out.push({ key: k, flat: flat[k], cum: cum[k] });
  }
  return out;
}

export type TopSort = 'flat' | 'cum' | 'name';

/** Sorts like pprof's FlatNameOrder / CumNameOrder: the column, then the name, then the other column. */
export function sortTop(entries: TopEntry[], names: string[], by: TopSort, descending: boolean): TopEntry[] {
  const dir = descending ? -1 : 1;
  const byName = (a: TopEntry, b: TopEntry) => (names[a.key] < names[b.key] ? -1 : names[a.key] > names[b.key] ? 1 : 0);
  const cmp =
    by === 'name'
      ? (a: TopEntry, b: TopEntry) => dir * byName(a, b)
      : by === 'flat'
        ? (a: TopEntry, b: TopEntry) => dir * (a.flat - b.flat) || byName(a, b) || dir * (a.cum - b.cum)
        : (a: TopEntry, b: TopEntry) => dir * (a.cum - b.cum) || byName(a, b) || dir * (a.flat - b.flat);
  return entries.slice().sort(cmp);
}
