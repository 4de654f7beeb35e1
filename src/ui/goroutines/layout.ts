/**
 * Geometry of a virtualised table whose rows can expand: fixed-height rows, plus a few
 * expanded rows with an extra detail block under them. Pure: tested in Node.
 */

export interface Expansion {
  /** Row index in the current ordering. */
  index: number;
  /** Height of the detail block under the row (px). */
  height: number;
}

export interface RowLayout {
  rowHeight: number;
  rowCount: number;
  /** Sorted by index, unique. */
  expanded: Expansion[];
}

export function makeLayout(rowHeight: number, rowCount: number, expanded: Iterable<Expansion>): RowLayout {
  const list = [...expanded].filter((e) => e.index >= 0 && e.index < rowCount && e.height > 0).sort((a, b) => a.index - b.index);
  const unique: Expansion[] = [];
  for (const e of list) if (!unique.length || unique[unique.length - 1].index !== e.index) unique.push(e);
  return { rowHeight, rowCount, expanded: unique };
}

/** Extra height of the detail blocks of rows before `index`. */
function extraBefore(l: RowLayout, index: number): number {
  let h = 0;
  for (const e of l.expanded) {
    if (e.index >= index) break;
    h += e.height;
  }
  return h;
}

export function totalHeight(l: RowLayout): number {
  return l.rowCount * l.rowHeight + extraBefore(l, Infinity);
}

/** Top of row `index` (px from the top of the body). */
export function rowTop(l: RowLayout, index: number): number {
  return index * l.rowHeight + extraBefore(l, index);
}

/** The row (with its detail block) that covers pixel `y`; clamped to the rows. */
export function rowAt(l: RowLayout, y: number): number {
  if (l.rowCount === 0) return 0;
  let extra = 0;
  for (const e of l.expanded) {
    const top = e.index * l.rowHeight + extra;
    if (y < top) break;
    // Inside this row or its detail block.
    if (y < top + l.rowHeight + e.height) return e.index;
    extra += e.height;
  }
  return Math.max(0, Math.min(l.rowCount - 1, Math.floor((y - extra) / l.rowHeight)));
}

/** Rows [first, last) to render for a scroll position, with overscan rows either side. */
export function visibleRows(l: RowLayout, scrollTop: number, viewport: number, overscan = 6): [number, number] {
  if (l.rowCount === 0) return [0, 0];
  const first = Math.max(0, rowAt(l, Math.max(0, scrollTop)) - overscan);
  const last = Math.min(l.rowCount, rowAt(l, scrollTop + Math.max(0, viewport)) + 1 + overscan);
  return [first, Math.max(first, last)];
}

/** The scrollTop that brings row `index` fully into view (unchanged when it already is). */
export function scrollToShow(l: RowLayout, index: number, scrollTop: number, viewport: number): number {
  const top = rowTop(l, index);
  const bottom = top + l.rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}
