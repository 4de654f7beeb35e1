/**
 * The filters of a view as the call-tree builder takes them: pprof's frame filters
 * (-focus, -ignore, -hide) and sample filters (-tagfocus, -tagignore). Requests carry
 * them as transforms (analysis/transforms), which say how each is named and checked.
 */
import type { LabelFilters } from '../labels/filters';
import type { NameFilters } from './filters';

export type ViewFilters = NameFilters & LabelFilters;
