/**
 * Steady-growth ranking. A leak grows at every step; a one-off warm-up jumps once
 * and stays. So rank first by how many steps grew (by more than a noise floor), then
 * by fewest steps that shrank, then by the robust (Theil–Sen) slope: the function
 * that grows every time comes first even when a bigger one jumped once.
 */
import type { SeriesTable } from './series';
import { theilSen } from './slope';

export type SeriesMeasure = 'flat' | 'cum';

export interface SeriesRank {
  key: number;
  values: Float64Array;
  /** Value per step from the Theil–Sen slope. */
  slope: number;
  /** slope as a fraction of the largest snapshot total (comparable across profiles). */
  slopeShare: number;
  grewSteps: number;
  shrankSteps: number;
  steps: number;
  /** last − first */
  change: number;
}

/** Changes smaller than this share of the largest total are noise, not growth. */
export const NOISE_SHARE = 0.001;

export function rankSeries(table: SeriesTable, measure: SeriesMeasure = 'flat'): SeriesRank[] {
  const cols = measure === 'flat' ? table.flat : table.cum;
  const maxTotal = Math.max(0, ...table.totals.map(Math.abs));
  const noise = maxTotal * NOISE_SHARE;
  const out: SeriesRank[] = [];
  cols.forEach((values, key) => {
    // A function with no value of this measure anywhere (a caller, by flat) says nothing.
    if (values.every((v) => v === 0)) return;
    let grew = 0;
    let shrank = 0;
    for (let i = 1; i < values.length; i++) {
      const d = values[i] - values[i - 1];
      if (d > noise) grew++;
      else if (d < -noise) shrank++;
    }
    const slope = theilSen(values);
    out.push({
      key,
      values,
      slope,
      slopeShare: maxTotal ? slope / maxTotal : 0,
      grewSteps: grew,
      shrankSteps: shrank,
      steps: Math.max(0, values.length - 1),
      change: values.length ? values[values.length - 1] - values[0] : 0,
    });
  });
  const growing = (r: SeriesRank) => (r.slope > 0 && r.grewSteps > 0 ? 1 : 0);
  return out.sort(
    (a, b) =>
      growing(b) - growing(a) ||
      b.grewSteps - a.grewSteps ||
      a.shrankSteps - b.shrankSteps ||
      b.slope - a.slope ||
      b.change - a.change ||
      (table.names[a.key] < table.names[b.key] ? -1 : 1),
  );
}
