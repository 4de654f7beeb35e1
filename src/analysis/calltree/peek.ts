/**
 * pprof's -peek for one function: its direct callers and callees with the value that
 * flowed through each edge. As in pprof's graph, a sample adds to an edge once however
 * often its stack crosses it (recursion counted once), a function calling itself is no
 * edge, and a frame at a stack's root has no caller. Read from the view's call tree, so
 * every filter and granularity of the view applies.
 */
import type { CallTree } from './calltree';

export interface PeekEdge {
  key: number;
  value: number;
}

export interface Peek {
  flat: number;
  /** Counted once per sample, as the top table's cum: each edge's share is of this. */
  cum: number;
  /** Largest |value| first, then by name, as pprof sorts edges. */
  callers: PeekEdge[];
  callees: PeekEdge[];
}

export function peek(tree: CallTree, fn: number): Peek {
  const nKeys = tree.keys.names.length;
  const { key, parent, self, total, childStart, childList } = tree;
  const callerValue = new Float64Array(nKeys);
  const calleeValue = new Float64Array(nKeys);
  // How often each edge into or out of fn is on the current path: only the first counts.
  const callerOnPath = new Int32Array(nKeys);
  const calleeOnPath = new Int32Array(nKeys);
  let fnOnPath = 0;
  let flat = 0;
  let cum = 0;
  // Explicit stack: a node id for "enter", its bitwise complement for "leave".
  const stack: number[] = [];
  for (let i = childStart[0]; i < childStart[1]; i++) stack.push(childList[i]);
  while (stack.length > 0) {
    const top = stack.pop()!;
    const n = top < 0 ? ~top : top;
    const k = key[n];
    const pk = parent[n] === 0 ? -1 : key[parent[n]];
    const step = top < 0 ? -1 : 1;
    if (top >= 0) {
      if (k === fn) {
        flat += self[n];
        if (fnOnPath === 0) cum += total[n];
        if (pk >= 0 && pk !== fn && callerOnPath[pk] === 0) callerValue[pk] += total[n];
      } else if (pk === fn && calleeOnPath[k] === 0) calleeValue[k] += total[n];
      stack.push(~n);
      for (let i = childStart[n]; i < childStart[n + 1]; i++) stack.push(childList[i]);
    }
    if (k === fn) {
      fnOnPath += step;
      if (pk >= 0 && pk !== fn) callerOnPath[pk] += step;
    } else if (pk === fn) calleeOnPath[k] += step;
  }
  const names = tree.keys.names;
  const edges = (values: Float64Array): PeekEdge[] => {
    const out: PeekEdge[] = [];
    for (let k = 0; k < nKeys; k++) if (values[k] !== 0) out.push({ key: k, value: values[k] });
    return out.sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (names[a.key] < names[b.key] ? -1 : names[a.key] > names[b.key] ? 1 : 0));
  };
  return { flat, cum, callers: edges(callerValue), callees: edges(calleeValue) };
}
