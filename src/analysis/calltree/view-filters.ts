/**
 * The filters of a view, in one place: pprof's frame filters (-focus, -ignore, -hide)
 * and sample filters (-tagfocus, -tagignore). Requests, caches and trees pass them on
 * through these helpers, so a new filter is added here once.
 */
import type { LabelFilters } from '../labels/filters';
import type { NameFilters } from './filters';

export type ViewFilters = NameFilters & LabelFilters;

/** pprof's filters by their flag names. */
export const VIEW_FILTER_FIELDS = ['focus', 'ignore', 'hide', 'tagfocus', 'tagignore'] as const;
export type ViewFilterField = (typeof VIEW_FILTER_FIELDS)[number];

/** Only the filter fields of a larger request. */
export function viewFilters(v: ViewFilters): ViewFilters {
  const out: ViewFilters = {};
  for (const f of VIEW_FILTER_FIELDS) if (v[f]) out[f] = v[f];
  return out;
}

/** A cache key part that differs exactly when the filters do. */
export function viewFiltersKey(v: ViewFilters): string {
  return VIEW_FILTER_FIELDS.map((f) => v[f] ?? '').join('\u0001');
}
