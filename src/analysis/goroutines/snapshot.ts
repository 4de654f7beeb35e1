/**
 * A goroutine snapshot ready for grouping: the same view over a debug=2 dump (one unit
 * per goroutine) and over a debug=0/debug=1 Profile (one unit per sample, weighted by
 * its count). Stacks are re-keyed on a "normalized" trie that hides the frames the
 * encodings disagree on (see isHiddenFrame), at function or function+line granularity.
 */
import { G_LEAKED, type GoroutineDump } from '../../model/goroutines';
import type { Profile } from '../../model/profile';
import { ROOT_NODE } from '../../model/profile';
import type { Granularity } from '../calltree/frame-keys';
import { blockingKindOf, isHiddenFrame } from './frames';

export interface GoroutineSource {
  profile: Profile;
  /** Per-goroutine records (debug=2 forms); null for debug=0 and debug=1. */
  dump: GoroutineDump | null;
}

export interface Snapshot {
  source: GoroutineSource;
  granularity: Granularity;
  /** Goroutines in all. */
  total: number;
  units: number;
  /** Raw stack node of each unit. */
  unitNode: Int32Array;
  /** Normalized stack node of each unit. */
  unitNorm: Int32Array;
  /** Goroutines per unit; null means 1 each (a dump). */
  unitWeight: Float64Array | null;
  /** Index into `states`, -1 when the encoding has none. */
  unitState: Int32Array;
  states: string[];
  /** Minutes waited, -1 when unknown. */
  unitWait: Int32Array;
  /** Profile frame of the created-by site, -1 when unknown. */
  unitCreator: Int32Array;
  /** Goroutine id, -1 when unknown. */
  unitId: Float64Array;
  /** 1 when the runtime's leak detector marked the goroutine leaked: blocked forever. */
  unitLeaked: Uint8Array;
  /** The Profile sample each unit is counted in (its labels are that sample's). */
  unitSample: Int32Array;
  /** Normalized trie: node 0 is the root; `frame` is a representative Profile frame. */
  normParent: number[];
  normFrame: number[];
}

/** Goroutine-count column of a pprof goroutine profile (or the first one). */
export function countColumn(p: Profile): Float64Array {
  let i = p.sampleTypes.findIndex((t) => t.type === 'goroutine' || t.unit === 'count');
  if (i < 0) i = 0;
  return p.samples.values[i] ?? new Float64Array(p.samples.count);
}

/**
 * @param section For a text holding several dumps (GoroutineDump.sections), only the
 *   goroutines of that one, so two SIGQUITs in one log can be compared.
 */
export function toSnapshot(source: GoroutineSource, granularity: Granularity = 'function', section?: number): Snapshot {
  const { profile: p, dump } = source;
  const { normParent, normFrame, nodeNorm } = normalize(p, granularity);
  if (dump && section !== undefined) {
    const keep: number[] = [];
    for (let i = 0; i < dump.count; i++) if (dump.section[i] === section) keep.push(i);
    const pick = <T extends Int32Array | Float64Array | Uint8Array>(col: T, make: (n: number) => T): T => {
      const out = make(keep.length);
      keep.forEach((g, j) => (out[j] = col[g]));
      return out;
    };
    const i32 = (n: number) => new Int32Array(n);
    const f64 = (n: number) => new Float64Array(n);
    const unitNode = pick(dump.stack, i32);
    return {
      source,
      granularity,
      total: keep.length,
      units: keep.length,
      unitNode,
      unitNorm: unitNode.map((n) => nodeNorm[n]),
      unitWeight: null,
      unitState: pick(dump.state, i32),
      states: dump.states,
      unitWait: pick(dump.waitMinutes, i32),
      unitCreator: pick(dump.createdBy, i32),
      unitId: pick(dump.id, f64),
      unitLeaked: leakedMarks(pick(dump.flags, (n) => new Uint8Array(n))),
      unitSample: pick(dump.sample, i32),
      normParent,
      normFrame,
    };
  }
  if (dump) {
    const unitNorm = new Int32Array(dump.count);
    for (let i = 0; i < dump.count; i++) unitNorm[i] = nodeNorm[dump.stack[i]];
    return {
      source,
      granularity,
      total: dump.count,
      units: dump.count,
      unitNode: dump.stack,
      unitNorm,
      unitWeight: null,
      unitState: dump.state,
      states: dump.states,
      unitWait: dump.waitMinutes,
      unitCreator: dump.createdBy,
      unitId: dump.id,
      unitLeaked: leakedMarks(dump.flags.slice(0, dump.count)),
      unitSample: dump.sample,
      normParent,
      normFrame,
    };
  }
  const n = p.samples.count;
  const weight = countColumn(p);
  const unitNorm = new Int32Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    unitNorm[i] = nodeNorm[p.samples.stack[i]];
    total += weight[i];
  }
  return {
    source,
    granularity,
    total,
    units: n,
    unitNode: p.samples.stack,
    unitNorm,
    unitWeight: weight,
    unitState: new Int32Array(n).fill(-1),
    states: [],
    unitWait: new Int32Array(n).fill(-1),
    unitCreator: new Int32Array(n).fill(-1),
    unitId: new Float64Array(n).fill(-1),
    // Every goroutine in a goroutineleak profile is one the detector found leaked.
    unitLeaked: new Uint8Array(n).fill(p.sampleTypes.some((t) => t.type === 'goroutineleak') ? 1 : 0),
    unitSample: Int32Array.from({ length: n }, (_, i) => i),
    normParent,
    normFrame,
  };
}

/** G_* flags → 1 where G_LEAKED is set, in place. */
function leakedMarks(flags: Uint8Array): Uint8Array {
  for (let i = 0; i < flags.length; i++) flags[i] = flags[i] & G_LEAKED ? 1 : 0;
  return flags;
}

/** Maps every trie node to a node of the normalized trie (hidden frames skipped). */
function normalize(p: Profile, granularity: Granularity) {
  const { parent, frame } = p.stacks;
  const nodeNorm = new Int32Array(p.stacks.count);
  const normParent: number[] = [-1];
  const normFrame: number[] = [-1];
  const children = new Map<number, number>();
  const hiddenByFunc = new Map<number, boolean>();
  // Function granularity keys a frame by its name's string index, line by the frame.
  const keyOf = (f: number): number => (granularity === 'function' ? p.frames.func[f] : f);
  const child = (par: number, f: number): number => {
    const key = par * 67108864 + keyOf(f);
    let c = children.get(key);
    if (c === undefined) {
      c = normParent.length;
      normParent.push(par);
      normFrame.push(f);
      children.set(key, c);
    }
    return c;
  };
  const hidden = (f: number): boolean => {
    const fi = p.frames.func[f];
    let h = hiddenByFunc.get(fi);
    if (h === undefined) hiddenByFunc.set(fi, (h = isHiddenFrame(p.strings[fi])));
    return h;
  };
  // Parents come before children in tries built by ProfileBuilder; resolve otherwise.
  const done = new Uint8Array(p.stacks.count);
  done[ROOT_NODE] = 1;
  const resolve = (node: number): number => {
    const path: number[] = [];
    let n = node;
    while (!done[n]) {
      path.push(n);
      n = parent[n];
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const m = path[i];
      const f = frame[m];
      nodeNorm[m] = hidden(f) ? nodeNorm[parent[m]] : child(nodeNorm[parent[m]], f);
      done[m] = 1;
    }
    return nodeNorm[node];
  };
  for (let node = 1; node < p.stacks.count; node++) if (!done[node]) resolve(node);
  // A stack made only of hidden frames keeps its leaf, so it is not lumped with others.
  for (let node = 1; node < p.stacks.count; node++) {
    if (nodeNorm[node] === ROOT_NODE) nodeNorm[node] = child(ROOT_NODE, frame[node]);
  }
  return { normParent, normFrame, nodeNorm };
}

/** Normalized frames of a normalized node, leaf first. */
export function normFrames(s: Snapshot, norm: number): number[] {
  const out: number[] = [];
  for (let n = norm; n > ROOT_NODE; n = s.normParent[n]) out.push(s.normFrame[n]);
  return out;
}

/** The state of a unit, or the wait kind read from its raw frames when there is none. */
export function blockingKind(s: Snapshot, unit: number): string | null {
  const st = s.unitState[unit];
  if (st >= 0) return s.states[st];
  const p = s.source.profile;
  for (let n = s.unitNode[unit]; n > ROOT_NODE; n = p.stacks.parent[n]) {
    const k = blockingKindOf(p.strings[p.frames.func[p.stacks.frame[n]]]);
    if (k) return k;
  }
  return null;
}
