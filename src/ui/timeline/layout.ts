/**
 * Where each lane sits: fixed lanes (GC, STW, counters, CPU samples, P lanes) on top, then
 * goroutine lanes in a scrolling list below. Heights per kind; pure.
 */
import type { LaneInfo, LaneKind } from '../../worker/timeline-api';

export interface Row extends LaneInfo {
  y: number;
  h: number;
}

const HEIGHT: Record<LaneKind, number> = { span: 14, counter: 36, ticks: 14, proc: 22, goroutine: 16 };
export const ROW_GAP = 2;

export function laneHeight(kind: LaneKind): number {
  return HEIGHT[kind];
}

/** Rows stacked from `top`; returns them and the total height. */
export function stackRows(lanes: readonly LaneInfo[], top = 0): { rows: Row[]; height: number } {
  let y = top;
  const rows = lanes.map((l) => {
    const r = { ...l, y, h: HEIGHT[l.kind] };
    y += r.h + ROW_GAP;
    return r;
  });
  return { rows, height: y - top };
}

/** The row under y, or null. */
export function rowAt(rows: readonly Row[], y: number): Row | null {
  for (const r of rows) if (y >= r.y && y < r.y + r.h + ROW_GAP) return r;
  return null;
}

/** Goroutine lanes [first, first + count) visible in a list scrolled by `scrollTop` of `height` px. */
export function visibleGoroutineLanes(scrollTop: number, height: number): { first: number; count: number } {
  const step = HEIGHT.goroutine + ROW_GAP;
  const first = Math.max(0, Math.floor(scrollTop / step));
  return { first, count: Math.ceil(height / step) + 1 };
}

export const GOROUTINE_ROW_STEP = HEIGHT.goroutine + ROW_GAP;
