/**
 * Which goroutine lanes the timeline lists, in which order: filtered by a pattern over the
 * lane's name ("G 123 main.worker [label]", so an id, a start function or a trace label all
 * match) and sorted by first run, total blocked time, or id.
 */
import type { TraceModel } from '../../../model/trace';
import { goroutineLabel } from './lanes';

export type GoroutineLaneSort = 'start' | 'blocked' | 'id';

/** `labels`: each goroutine's trace label (string id, 0 none), as the timeline holds them. */
export function goroutineLaneSlots(model: TraceModel, filter: RegExp | null, sort: GoroutineLaneSort, labels?: Int32Array): Int32Array {
  const g = model.goroutines;
  const list: number[] = [];
  const strings = model.symbols.strings;
  for (let s = 0; s < g.count; s++) if (!filter || filter.test(goroutineLabel(model, s, labels ? (strings[labels[s]] ?? '') : ''))) list.push(s);
  const key = (s: number): number => {
    if (sort === 'id') return g.id[s];
    if (sort === 'blocked') return -(g.blockSyncNs[s] + g.blockNetNs[s] + g.blockOtherNs[s] + g.syscallBlockNs[s]);
    // Never ran: after every goroutine that did, by creation.
    return Number.isNaN(g.startNs[s]) ? Infinity : g.startNs[s];
  };
  list.sort((a, b) => key(a) - key(b) || g.id[a] - g.id[b] || a - b);
  return Int32Array.from(list);
}
