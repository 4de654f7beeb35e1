/** The top table's columns, in pprof's order, and which worker sort key each uses. */
import type { TopRow, TopSortKey } from '../../worker/profile-api';
import { formatPercent, formatValue } from '../../state/format';

export interface Column {
  id: string;
  label: string;
  title: string;
  sort: TopSortKey;
  numeric: boolean;
  cell: (r: TopRow, total: number, unit: string) => string;
}

export const COLUMNS: Column[] = [
  { id: 'flat', label: 'flat', title: 'Value of samples whose leaf frame is this function', sort: 'flat', numeric: true, cell: (r, _t, u) => formatValue(r.flat, u) },
  { id: 'flatp', label: 'flat%', title: 'flat as a share of the total', sort: 'flat', numeric: true, cell: (r, t) => formatPercent(r.flat, t) },
  { id: 'sump', label: 'sum%', title: 'Running sum of flat% in flat order', sort: 'flat', numeric: true, cell: (r, t) => formatPercent(r.sum, t) },
  { id: 'cum', label: 'cum', title: 'Value of samples with this function anywhere on the stack', sort: 'cum', numeric: true, cell: (r, _t, u) => formatValue(r.cum, u) },
  { id: 'cump', label: 'cum%', title: 'cum as a share of the total', sort: 'cum', numeric: true, cell: (r, t) => formatPercent(r.cum, t) },
  { id: 'name', label: 'name', title: 'Function (and line, at line granularity)', sort: 'name', numeric: false, cell: (r) => r.name },
];

/** Rows [first, last) to render for a scroll position, with a little overscan for smooth scrolling. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, rowCount: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
