/** The goroutines of one start-function group, found and sorted for the goroutine table. */
import type { TraceModel } from '../../model/trace';
import type { TimeCategory } from './groups';

export type GoroutineSortKey = TimeCategory | 'id' | 'creationNs' | 'endNs';

/** Goroutine id → its slot. Ids can be reused; the first holder is the one that can have created later goroutines. */
export function slotsById(model: TraceModel): Map<number, number> {
  const m = new Map<number, number>();
  const g = model.goroutines;
  for (let i = 0; i < g.count; i++) if (!m.has(g.id[i])) m.set(g.id[i], i);
  return m;
}

/** Slots of one group's goroutines, sorted by `sort`; ties by goroutine id. */
export function groupSlots(model: TraceModel, group: string, sort: GoroutineSortKey, descending: boolean): Int32Array {
  const g = model.goroutines;
  const nameId = model.symbols.strings.indexOf(group);
  const list: number[] = [];
  if (nameId >= 0) for (let i = 0; i < g.count; i++) if (g.name[i] === nameId) list.push(i);
  const col: ArrayLike<number> = sort === 'id' ? g.id : sort === 'creationNs' ? g.creationNs : sort === 'endNs' ? g.endNs : g[sort];
  const sign = descending ? -1 : 1;
  // Still alive (NaN end) sorts as the latest end.
  const v = (i: number) => {
    const x = col[i];
    return Number.isNaN(x) ? Infinity : x;
  };
  list.sort((a, b) => {
    const va = v(a);
    const vb = v(b);
    return va === vb ? g.id[a] - g.id[b] : va < vb ? -sign : sign;
  });
  return Int32Array.from(list);
}
