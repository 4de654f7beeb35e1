/**
 * The denominator of every diff percentage, as pprof computes it (report.computeTotal
 * over the merged profile): the sum of |value| over merged samples, or, when some
 * samples carry the -diff_base label, the sum over those base samples only.
 *
 * pprof merges samples whose stacks and labels are equal. Stacks are compared here by
 * frame names (function, file, line), since ids differ between files.
 */
import type { Profile } from '../../model/profile';
import type { DiffMeaning } from './meaning';

type SampleKey = number | string;

/** Gives every stack (by names) and label set one key, shared across profiles. */
class SampleKeyer {
  private readonly frameIds = new Map<string, number>();
  private readonly stackIds = new Map<number, number>();

  /** frameBound: more than the distinct frames of all profiles keyed (numeric stack keys). */
  constructor(private readonly frameBound: number) {}

  stackIdsOf(p: Profile): Int32Array {
    const { func, file, line } = p.frames;
    const frameId = new Int32Array(p.frames.count);
    for (let f = 0; f < p.frames.count; f++) {
      const k = `${p.strings[func[f]]}\u0000${p.strings[file[f]]}\u0000${line[f]}`;
      let id = this.frameIds.get(k);
      if (id === undefined) this.frameIds.set(k, (id = this.frameIds.size));
      frameId[f] = id;
    }
    const ids = new Int32Array(p.stacks.count);
    // Parents come before children in the trie, so one forward pass names every stack.
    for (let n = 1; n < p.stacks.count; n++) {
      const k = ids[p.stacks.parent[n]] * this.frameBound + frameId[p.stacks.frame[n]];
      let id = this.stackIds.get(k);
      if (id === undefined) this.stackIds.set(k, (id = this.stackIds.size + 1));
      ids[n] = id;
    }
    return ids;
  }

  keysOf(p: Profile): SampleKey[] {
    const stack = this.stackIdsOf(p);
    const labels = labelKeys(p);
    const keys: SampleKey[] = new Array(p.samples.count);
    for (let s = 0; s < p.samples.count; s++) {
      const st = stack[p.samples.stack[s]];
      const l = labels.get(s);
      keys[s] = l === undefined ? st : `${st}|${l}`;
    }
    return keys;
  }
}

/** Per labelled sample, its labels as pprof's sample key orders them (by key, values in order). */
function labelKeys(p: Profile): Map<number, string> {
  const parts = new Map<number, [string, string][]>();
  const t = p.labels;
  for (let i = 0; i < t.count; i++) {
    const key = p.strings[t.key[i]];
    const part =
      t.str[i] >= 0 ? `s${key}=${p.strings[t.str[i]]}` : `n${key}=${t.num[i]} ${p.strings[t.unit[i]]}`;
    const sortKey = (t.str[i] >= 0 ? 's' : 'n') + key;
    let list = parts.get(t.sample[i]);
    if (!list) parts.set(t.sample[i], (list = []));
    list.push([sortKey, part]);
  }
  const out = new Map<number, string>();
  for (const [s, list] of parts) {
    // Stable sort by key only: values of one key keep their order, as in pprof.
    list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out.set(s, list.map((x) => x[1]).join('\u0001'));
  }
  return out;
}

function accumulate(into: Map<SampleKey, number>, keys: SampleKey[], values: Float64Array, sign: number): void {
  for (let s = 0; s < keys.length; s++) {
    const v = values[s];
    if (v === 0) continue;
    into.set(keys[s], (into.get(keys[s]) ?? 0) + sign * v);
  }
}

function absSum(m: Map<SampleKey, number>): number {
  let t = 0;
  for (const v of m.values()) t += Math.abs(v);
  return t;
}

/**
 * `base` and `target` are single-type views (values[0]); the target already normalized
 * when -normalize is on (pprof scales before it merges).
 */
export function diffPercentTotal(meaning: DiffMeaning, base: Profile, target: Profile): number {
  if (meaning === 'diff_base') {
    // Base samples carry the pprof::base label, so they merge only among themselves;
    // with no negative values, merging cannot change the sum of magnitudes.
    const baseTotal = mergedAbsTotal(base);
    return baseTotal > 0 ? baseTotal : mergedAbsTotal(target);
  }
  const keyer = new SampleKeyer(base.frames.count + target.frames.count + 1);
  const baseKeys = keyer.keysOf(base);
  const targetKeys = keyer.keysOf(target);
  const merged = new Map<SampleKey, number>();
  accumulate(merged, targetKeys, target.samples.values[0], 1);
  accumulate(merged, baseKeys, base.samples.values[0], -1);
  return absSum(merged);
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
  if (!negative) return sum;
  const m = new Map<SampleKey, number>();
  accumulate(m, new SampleKeyer(p.frames.count + 1).keysOf(p), col, 1);
  return absSum(m);
}
