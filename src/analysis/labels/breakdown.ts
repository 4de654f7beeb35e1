/**
 * pprof's -tags report: for each label key, how much of the profile carries it and
 * how that splits by value, for one sample type. A sample with two values of one key
 * counts once for the key and once under each value, as in pprof.
 */
import type { Profile } from '../../model/profile';
import { numericLabelUnit } from './unit';

export interface LabelValueShare {
  /** The string value, or the number as digits. */
  value: string;
  /** True for numeric labels. */
  numeric: boolean;
  /** A number's unit (numericLabelUnit); "" for strings. */
  unit: string;
  total: number;
}

export interface LabelKeyShare {
  key: string;
  /** Of the samples that have this key. */
  total: number;
  /** Largest first (ties by value). */
  values: LabelValueShare[];
}

export function labelBreakdown(p: Profile, sampleType: number, keep: Uint8Array | null = null): LabelKeyShare[] {
  const t = p.labels;
  const values = p.samples.values[sampleType];
  if (!values || t.count === 0) return [];
  const byKey = new Map<number, { total: number; lastSample: number; values: Map<string, LabelValueShare> }>();
  for (let i = 0; i < t.count; i++) {
    const s = t.sample[i];
    if (keep && !keep[s]) continue;
    const v = values[s];
    let k = byKey.get(t.key[i]);
    if (!k) byKey.set(t.key[i], (k = { total: 0, lastSample: -1, values: new Map() }));
    // A sample's label rows are adjacent: every parser writes them with the sample.
    if (k.lastSample !== s) {
      k.total += v;
      k.lastSample = s;
    }
    const numeric = t.str[i] < 0;
    const name = numeric ? String(t.num[i]) : p.strings[t.str[i]];
    let share = k.values.get(name);
    if (!share) k.values.set(name, (share = { value: name, numeric, unit: numeric ? numericLabelUnit(p, i) : '', total: 0 }));
    share.total += v;
  }
  return [...byKey.entries()]
    .map(([key, k]) => ({
      key: p.strings[key],
      total: k.total,
      values: [...k.values.values()].sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || (a.value < b.value ? -1 : 1)),
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
