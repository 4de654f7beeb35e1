/**
 * The filters of a view, in one place: pprof's frame filters (-focus, -ignore, -hide)
 * and sample filters (-tagfocus, -tagignore). Requests, caches and trees pass them on
 * through these helpers, so a new filter is added here once.
 */
import type { LabelFilters } from '../labels/filters';
import type { NameFilters } from './filters';

export type ViewFilters = NameFilters & LabelFilters;

const FIELDS = ['focus', 'ignore', 'hide', 'tagfocus', 'tagignore'] as const;

/** Only the filter fields of a larger request. */
export function viewFilters(v: ViewFilters): ViewFilters {
  const out: ViewFilters = {};
  for (const f of FIELDS) if (v[f]) out[f] = v[f];
  return out;
}

/** A cache key part that differs exactly when the filters do. */
export function viewFiltersKey(v: ViewFilters): string {
  return FIELDS.map((f) => v[f] ?? '').join('\u0001');
}
