/**
 * The denominator of every diff percentage, as pprof computes it (report.computeTotal
 * over the merged profile): the sum of |value| over merged samples, or, when some
 * samples carry the -diff_base label, the sum over those base samples only.
 *
 * pprof merges samples whose stacks and labels are equal. Stacks are compared here by
 * frame names (function, file, line), since ids differ between files. pprof compares
 * locations by address, so for two *different binaries* its -base total counts matching
 * stacks twice where we let them cancel; for snapshots of one process (what -base is
 * for) the two agree exactly (test/reference/diff/pprof-reference.test.ts).
 */
import type { Profile } from '../../model/profile';
import { childrenOf } from '../../model/stack-trie';
import { pairTries, type KeyedTrie } from './children';
import type { DiffMeaning } from './meaning';

/** A profile's stack trie with children lists, keyed by frame. */
function stackTrie(p: Profile): KeyedTrie {
  return { count: p.stacks.count, key: p.stacks.frame, ...childrenOf(p.stacks.parent) };
}

/** Frame → an id shared by both profiles (equal function, file and line). */
function unifyFrames(a: Profile, b: Profile): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const of = (p: Profile) => {
    const out = new Int32Array(p.frames.count);
    for (let f = 0; f < p.frames.count; f++) {
      const k = `${p.strings[p.frames.func[f]]}\u0000${p.strings[p.frames.file[f]]}\u0000${p.frames.line[f]}`;
      let id = ids.get(k);
      if (id === undefined) ids.set(k, (id = ids.size));
      out[f] = id;
    }
    return out;
  };
  return [of(a), of(b)];
}

/** Per labelled sample, its labels as pprof's sample key orders them (by key, values in order). */
function labelKeys(p: Profile): Map<number, string> {
  const parts = new Map<number, [string, string][]>();
  const t = p.labels;
  for (let i = 0; i < t.count; i++) {
    const key = p.strings[t.key[i]];
    const isStr = t.str[i] >= 0;
    const part = isStr ? `s${key}=${p.strings[t.str[i]]}` : `n${key}=${t.num[i]} ${p.strings[t.unit[i]]}`;
    let list = parts.get(t.sample[i]);
    if (!list) parts.set(t.sample[i], (list = []));
    list.push([(isStr ? 's' : 'n') + key, part]);
  }
  const out = new Map<number, string>();
  for (const [s, list] of parts) {
    // Stable sort by key only: values of one key keep their order, as in pprof.
    list.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    out.set(s, list.map((x) => x[1]).join('\u0001'));
  }
  return out;
}

/** Adds sign × each sample's value under its (stack, labels) key: dense by stack, a map when labelled. */
function accumulate(p: Profile, stackId: Int32Array, sign: number, dense: Float64Array, labelled: Map<string, number>): void {
  const values = p.samples.values[0];
  const labels = p.labels.count > 0 ? labelKeys(p) : null;
  for (let s = 0; s < p.samples.count; s++) {
    const v = values[s];
    if (v === 0) continue;
    const id = stackId[p.samples.stack[s]];
    const l = labels?.get(s);
    if (l === undefined) dense[id] += sign * v;
    else {
      const k = `${id}|${l}`;
      labelled.set(k, (labelled.get(k) ?? 0) + sign * v);
    }
  }
}

function absSum(dense: Float64Array, labelled: Map<string, number>): number {
  let t = 0;
  for (let i = 0; i < dense.length; i++) t += Math.abs(dense[i]);
  for (const v of labelled.values()) t += Math.abs(v);
  return t;
}

/** Sum of |value| over one profile's samples merged by stack and labels. */
function mergedAbsTotal(p: Profile): number {
  const col = p.samples.values[0];
  let sum = 0;
  let negative = false;
  for (let i = 0; i < col.length; i++) {
    sum += col[i];
    if (col[i] < 0) negative = true;
  }
  // Without negative values, merging cannot change the sum of magnitudes.
  if (!negative) return sum;
  const ids = new Int32Array(p.stacks.count);
  for (let n = 0; n < ids.length; n++) ids[n] = n;
  const dense = new Float64Array(p.stacks.count);
  const labelled = new Map<string, number>();
  accumulate(p, ids, 1, dense, labelled);
  return absSum(dense, labelled);
}

/**
 * `base` and `target` are single-type views (values[0]); the target already normalized
 * when -normalize is on (pprof scales before it merges).
 */
export function diffPercentTotal(meaning: DiffMeaning, base: Profile, target: Profile): number {
  if (meaning === 'diff_base') {
    // Base samples carry the pprof::base label, so they merge only among themselves.
    const baseTotal = mergedAbsTotal(base);
    return baseTotal > 0 ? baseTotal : mergedAbsTotal(target);
  }
  // One id per stack (by frame names) across both profiles, from merging their stack tries.
  const [baseFrames, targetFrames] = unifyFrames(base, target);
  const paired = pairTries(stackTrie(base), stackTrie(target), baseFrames, targetFrames);
  const baseId = new Int32Array(base.stacks.count);
  const targetId = new Int32Array(target.stacks.count);
  for (let d = 0; d < paired.count; d++) {
    if (paired.aNode[d] >= 0) baseId[paired.aNode[d]] = d;
    if (paired.bNode[d] >= 0) targetId[paired.bNode[d]] = d;
  }
  const dense = new Float64Array(paired.count);
  const labelled = new Map<string, number>();
  accumulate(target, targetId, 1, dense, labelled);
  accumulate(base, baseId, -1, dense, labelled);
  return absSum(dense, labelled);
}
