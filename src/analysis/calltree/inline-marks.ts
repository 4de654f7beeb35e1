/**
 * pprof's inline marks on top-table rows: "(inline)" when every call into a function was
 * inlined into its caller, "(partial-inline)" when only some were.
 *
 * pprof decides per caller→callee edge of its graph, then per function from its incoming
 * edges. An edge is inlined when, in every sample of non-zero value that crosses it, the
 * first crossing (from the root) enters a frame that a location holds below its outermost
 * one. A function calling itself makes no edge, and a stack's root frame has no caller.
 * Only pprof's locations carry inlining, so profiles without them have no marks; nor has a
 * view whose stack transforms rewrite frames (all but dropping samples), as its edges are
 * no longer the locations' and pprof has no marks for them to agree with.
 */
import type { Profile } from '../../model/profile';
import { sampleValues, type CallTree, type ViewSpec } from './calltree';
import { frameFilterFlags, HIDE } from './filters';

export type InlineMark = 'inline' | 'partial-inline';

const INLINED = 1;
const CALLED = 2;

/** The marked frame keys of a view's call tree (unmarked keys are absent). */
export function inlineMarks(p: Profile, tree: CallTree, spec: ViewSpec): Map<number, InlineMark> {
  const marks = new Map<number, InlineMark>();
  const loc = p.sampleLocations;
  if (!loc || spec.stack?.some((t) => t.kind !== 'drop')) return marks;
  const values = sampleValues(p, spec.sampleType);
  const flags = frameFilterFlags(p, spec);
  const keyOf = tree.keys.ofFrame;
  const nKeys = tree.keys.names.length;
  // Only a function some location inlines can be marked: the others need no edges.
  const inlinable = new Uint8Array(nKeys);
  for (let l = 0; l + 1 < loc.frameStart.length; l++) {
    for (let k = loc.frameStart[l] + 1; k < loc.frameStart[l + 1]; k++) inlinable[keyOf[loc.frames[k]]] = 1;
  }
  const edgeOf = new Map<number, number>();
  const edgeChild: number[] = [];
  const edgeInlined: boolean[] = [];
  // The last sample that crossed each edge: only a sample's first crossing counts.
  const edgeSeen: number[] = [];
  const { start, data } = loc.stacks;
  for (let s = 0; s < tree.sampleNode.length; s++) {
    if (tree.sampleNode[s] < 0 || values[s] === 0) continue;
    let parent = -1;
    for (let i = start[s]; i < start[s + 1]; i++) {
      const l = data[i];
      for (let k = loc.frameStart[l]; k < loc.frameStart[l + 1]; k++) {
        const f = loc.frames[k];
        if (flags && flags[f] & HIDE) continue;
        const key = keyOf[f];
        if (inlinable[key] && parent >= 0 && key !== parent) {
          const id = parent * nKeys + key;
          let e = edgeOf.get(id);
          if (e === undefined) {
            e = edgeChild.length;
            edgeOf.set(id, e);
            edgeChild.push(key);
            edgeInlined.push(true);
            edgeSeen.push(-1);
          }
          if (edgeSeen[e] !== s) {
            edgeSeen[e] = s;
            // Frames of a location run outermost first: any after the first was inlined.
            if (k === loc.frameStart[l]) edgeInlined[e] = false;
          }
        }
        parent = key;
      }
    }
  }
  const how = new Uint8Array(nKeys);
  for (let e = 0; e < edgeChild.length; e++) how[edgeChild[e]] |= edgeInlined[e] ? INLINED : CALLED;
  for (let k = 0; k < nKeys; k++) {
    if (how[k] === INLINED) marks.set(k, 'inline');
    else if (how[k] === (INLINED | CALLED)) marks.set(k, 'partial-inline');
  }
  return marks;
}

/** The mark in words, for tooltips. */
export function inlineMarkText(mark: InlineMark): string {
  return mark === 'inline'
    ? 'Inlined: every call into this function was inlined into its caller'
    : 'Partly inlined: some calls into this function were inlined into their caller, others were real calls';
}
