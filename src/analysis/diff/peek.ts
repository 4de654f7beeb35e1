/**
 * pprof's -peek on a diff: each side's callers and callees of one function, and their
 * difference. Edges, flat and cum are sums over samples, so pprof's merged profile (the
 * base negated) gives each edge the target's value minus the base's, as here.
 */
import { peek, type Peek } from '../calltree/peek';
import type { CallTree } from '../calltree/calltree';
import type { DiffTree } from './tree';

export interface DiffValue {
  before: number;
  after: number;
  delta: number;
}

export interface DiffPeekRow extends DiffValue {
  name: string;
}

export interface DiffPeek {
  flat: DiffValue;
  cum: DiffValue;
  /** Largest |delta| first, then by name, as pprof sorts the merged profile's edges. */
  callers: DiffPeekRow[];
  callees: DiffPeekRow[];
}

const NONE: Peek = { flat: 0, cum: 0, callers: [], callees: [] };

function sidePeek(tree: CallTree, name: string): { peek: Peek; names: string[] } {
  const fn = tree.keys.names.indexOf(name);
  return { peek: fn < 0 ? NONE : peek(tree, fn), names: tree.keys.names };
}

function mergeEdges(before: ReturnType<typeof sidePeek>, after: ReturnType<typeof sidePeek>, side: 'callers' | 'callees'): DiffPeekRow[] {
  const rows = new Map<string, DiffPeekRow>();
  const row = (name: string) => {
    let r = rows.get(name);
    if (!r) rows.set(name, (r = { name, before: 0, after: 0, delta: 0 }));
    return r;
  };
  for (const e of before.peek[side]) row(before.names[e.key]).before = e.value;
  for (const e of after.peek[side]) row(after.names[e.key]).after = e.value;
  const out = [...rows.values()];
  for (const r of out) r.delta = r.after - r.before;
  return out.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Null when neither side has the function. */
export function diffPeek(tree: DiffTree, name: string): DiffPeek | null {
  if (!tree.keyIndex.has(name)) return null;
  const before = sidePeek(tree.baseTree, name);
  const after = sidePeek(tree.targetTree, name);
  const value = (k: 'flat' | 'cum'): DiffValue => ({ before: before.peek[k], after: after.peek[k], delta: after.peek[k] - before.peek[k] });
  return { flat: value('flat'), cum: value('cum'), callers: mergeEdges(before, after, 'callers'), callees: mergeEdges(before, after, 'callees') };
}
