/** The goroutines of a snapshot grouped by stack, as the snapshot table shows them. */
import type { Snapshot } from './snapshot';

export interface SnapshotStackGroup {
  stack: number;
  count: number;
  /** "Waiting (chan receive)" → n, "Running" → n… */
  states: Record<string, number>;
  /** Start functions of these goroutines, most frequent first (up to 5). */
  startFuncs: string[];
  /** The longest any of them had been in its state at that instant (ns). */
  longestNs: number;
  /** Some goroutine ids (up to 50). */
  ids: number[];
}

function stateLabel(state: string, reason: string): string {
  return state === 'Waiting' && reason ? `Waiting (${reason})` : state;
}

/** Stacks with the most goroutines first; ties by stack id. */
export function snapshotStacks(s: Snapshot): SnapshotStackGroup[] {
  const by = new Map<number, SnapshotStackGroup & { starts: Map<string, number> }>();
  for (const r of s.rows) {
    let a = by.get(r.stack);
    if (!a) by.set(r.stack, (a = { stack: r.stack, count: 0, states: {}, starts: new Map(), startFuncs: [], longestNs: 0, ids: [] }));
    a.count++;
    const label = stateLabel(r.state, r.reason);
    a.states[label] = (a.states[label] ?? 0) + 1;
    a.starts.set(r.name, (a.starts.get(r.name) ?? 0) + 1);
    a.longestNs = Math.max(a.longestNs, s.timeNs - r.sinceNs);
    if (a.ids.length < 50) a.ids.push(r.id);
  }
  return [...by.values()]
    .sort((x, y) => y.count - x.count || x.stack - y.stack)
    .map(({ starts, ...g }) => ({ ...g, startFuncs: [...starts.entries()].sort((x, y) => y[1] - x[1]).slice(0, 5).map(([n]) => n) }));
}
