/**
 * pprof's -normalize: the *target* (pprof's "source") is multiplied by
 * base total / target total, each sample rounded to an integer (Go's math.Round),
 * before the base is subtracted. Totals are over all samples, before any filter.
 */
import type { Profile, SampleTable } from '../../model/profile';

export function columnSum(col: Float64Array): number {
  let s = 0;
  for (let i = 0; i < col.length; i++) s += col[i];
  return s;
}

/** Go's math.Round: halves away from zero (Math.round sends -2.5 to -2). */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function normalizeRatio(base: Profile, baseType: number, target: Profile, targetType: number): number {
  const b = columnSum(base.samples.values[baseType]);
  const t = columnSum(target.samples.values[targetType]);
  return t === 0 ? 0 : b / t;
}

/**
 * A view of `p` with one value column: sample type `type`, scaled by `ratio`.
 * Shares everything else with `p` through the prototype chain: a spread would read,
 * and so build, a decoder's lazily made stack trie.
 */
export function singleTypeView(p: Profile, type: number, ratio = 1): Profile {
  const src = p.samples.values[type];
  let col = src;
  if (ratio !== 1) {
    col = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) col[i] = roundHalfAway(src[i] * ratio);
  }
  const samples: SampleTable = Object.create(p.samples);
  samples.values = [col];
  const view: Profile = Object.create(p);
  view.sampleTypes = [p.sampleTypes[type]];
  view.defaultSampleType = 0;
  view.samples = samples;
  return view;
}
