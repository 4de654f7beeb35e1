/**
 * Paints the timeline's lanes on a canvas from the last tiles the worker sent. Tiles are
 * mapped from their own window to the current one, so while the user zooms or pans the
 * canvas repaints every frame from what it has, and sharpens when the new tiles land.
 * Neighbouring buckets with the same value are painted as one rectangle.
 */
import type { Tiles } from '../../worker/timeline-api';
import { COUNTER_COLOR, GC_COLOR, GOAL_COLOR, STW_COLOR, TASK_COLOR, type Theme, functionColor, stateColor } from './colors';
import type { Row } from './layout';
import type { Tick } from './ticks';
import { type Viewport, xOf } from './viewport';

export interface Paint {
  theme: Theme;
  /** Start function (string id) per goroutine slot, and the GC mark worker's, for P lane colours. */
  slotName: Int32Array;
  gcWorkerName: number;
  grid: string;
  /** Highest value seen per counter lane, so the scale holds while zooming. */
  counterMax: Map<string, number>;
}

export interface Overlay {
  range: Viewport | null;
  /** The selected slice. */
  selected: { lane: string; t0: number; t1: number } | null;
  /** From the unblocker's lane and time to the selected slice's start. */
  flow: { fromLane: string; fromT: number; toLane: string; toT: number } | null;
}

/** Lane key → its index in `tiles`. */
export type TileIndex = Map<string, number>;

export function drawTimeline(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  view: Viewport,
  rows: readonly Row[],
  tiles: Tiles | null,
  index: TileIndex,
  paint: Paint,
  overlay: Overlay,
  ticks: readonly Tick[],
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = paint.grid;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const t of ticks) {
    const x = Math.round(xOf(view, t.t, width)) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, height);
  }
  ctx.stroke();
  if (tiles) {
    for (const row of rows) {
      if (row.y + row.h < 0 || row.y > height) continue;
      const li = index.get(row.key);
      if (li !== undefined) drawRow(ctx, width, view, row, tiles, li, paint);
    }
    ctx.globalAlpha = 1;
  }
  drawOverlay(ctx, width, height, view, rows, overlay, paint.theme);
}

function drawRow(ctx: CanvasRenderingContext2D, width: number, view: Viewport, row: Row, tiles: Tiles, li: number, paint: Paint): void {
  const w = tiles.width;
  const base = li * w;
  const bw = (tiles.t1 - tiles.t0) / w;
  const x = (b: number) => xOf(view, tiles.t0 + b * bw, width);
  // Only the buckets inside the current window.
  const first = Math.max(0, Math.floor((view.t0 - tiles.t0) / bw));
  const last = Math.min(w, Math.ceil((view.t1 - tiles.t0) / bw));
  if (row.kind === 'counter' || row.kind === 'ticks') return drawValues(ctx, row, tiles, base, first, last, x, paint);
  const theme = paint.theme;
  const colorOf = (v: number): string =>
    row.kind === 'proc'
      ? functionColor(paint.slotName[v] ?? 0, paint.slotName[v] === paint.gcWorkerName, theme)
      : row.kind === 'goroutine'
        ? stateColor(v, theme)
        : row.key === 'gc'
          ? GC_COLOR[theme]
          : row.key === 'stw'
            ? STW_COLOR[theme]
            : TASK_COLOR[theme];
  let b = first;
  while (b < last) {
    const v = tiles.dominant[base + b];
    if (v < 0) {
      b++;
      continue;
    }
    const level = coverLevel(tiles.cover[base + b], row.kind === 'goroutine');
    const merged = tiles.merged[base + b];
    let e = b + 1;
    while (e < last && tiles.dominant[base + e] === v && coverLevel(tiles.cover[base + e], row.kind === 'goroutine') === level && tiles.merged[base + e] === merged) e++;
    const x0 = x(b);
    const x1 = Math.max(x(e), x0 + 1);
    ctx.globalAlpha = level;
    ctx.fillStyle = colorOf(v);
    // Merged runs of sub-pixel slices are drawn a little shorter, so they read as many.
    const inset = merged ? Math.max(1, Math.round(row.h * 0.15)) : 0;
    ctx.fillRect(x0, row.y + inset, x1 - x0, row.h - 2 * inset);
    b = e;
  }
}

/** Opacity from a bucket's cover, in four steps so neighbours coalesce. */
function coverLevel(cover: number, full: boolean): number {
  if (full || cover >= 230) return 1;
  return cover >= 128 ? 0.8 : cover >= 32 ? 0.6 : 0.4;
}

function drawValues(
  ctx: CanvasRenderingContext2D,
  row: Row,
  tiles: Tiles,
  base: number,
  first: number,
  last: number,
  x: (b: number) => number,
  paint: Paint,
): void {
  const theme = paint.theme;
  let max = paint.counterMax.get(row.key) ?? 0;
  for (let b = first; b < last; b++) if (tiles.high[base + b] > max) max = tiles.high[base + b];
  paint.counterMax.set(row.key, max);
  if (!(max > 0)) return;
  ctx.globalAlpha = row.kind === 'ticks' ? 0.9 : 0.55;
  ctx.fillStyle = row.key === 'heapGoal' ? GOAL_COLOR[theme] : COUNTER_COLOR[theme];
  const scale = (row.h - 2) / max;
  for (let b = first; b < last; b++) {
    const hi = tiles.high[base + b];
    if (!(hi > 0)) continue;
    const x0 = x(b);
    const x1 = Math.max(x(b + 1), x0 + 1);
    const hpx = row.kind === 'ticks' ? row.h : Math.max(1, hi * scale);
    ctx.fillRect(x0, row.y + row.h - hpx, x1 - x0, hpx);
  }
  ctx.globalAlpha = 1;
}

function laneMiddle(rows: readonly Row[], key: string): number | null {
  const r = rows.find((x) => x.key === key);
  return r ? r.y + r.h / 2 : null;
}

function drawOverlay(ctx: CanvasRenderingContext2D, width: number, height: number, view: Viewport, rows: readonly Row[], o: Overlay, theme: Theme): void {
  const ink = theme === 'dark' ? '#e4e7eb' : '#1a1e24';
  if (o.range) {
    const a = xOf(view, o.range.t0, width);
    const b = xOf(view, o.range.t1, width);
    ctx.fillStyle = theme === 'dark' ? 'rgba(90,180,236,0.16)' : 'rgba(10,111,184,0.12)';
    ctx.fillRect(a, 0, b - a, height);
    ctx.strokeStyle = theme === 'dark' ? '#5ab4ec' : '#0a6fb8';
    ctx.beginPath();
    ctx.moveTo(Math.round(a) + 0.5, 0);
    ctx.lineTo(Math.round(a) + 0.5, height);
    ctx.moveTo(Math.round(b) + 0.5, 0);
    ctx.lineTo(Math.round(b) + 0.5, height);
    ctx.stroke();
  }
  if (o.selected) {
    const r = rows.find((x) => x.key === o.selected!.lane);
    if (r) {
      const a = xOf(view, o.selected.t0, width);
      const b = Math.max(xOf(view, o.selected.t1, width), a + 2);
      ctx.strokeStyle = ink;
      ctx.lineWidth = 2;
      ctx.strokeRect(a, r.y - 1, b - a, r.h + 2);
      ctx.lineWidth = 1;
    }
  }
  if (o.flow) {
    const y0 = laneMiddle(rows, o.flow.fromLane);
    const y1 = laneMiddle(rows, o.flow.toLane);
    if (y0 !== null && y1 !== null) {
      const x0 = xOf(view, o.flow.fromT, width);
      const x1 = xOf(view, o.flow.toT, width);
      ctx.strokeStyle = ink;
      ctx.fillStyle = ink;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
      const ang = Math.atan2(y1 - y0, x1 - x0);
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x1 - 7 * Math.cos(ang - 0.4), y1 - 7 * Math.sin(ang - 0.4));
      ctx.lineTo(x1 - 7 * Math.cos(ang + 0.4), y1 - 7 * Math.sin(ang + 0.4));
      ctx.fill();
      ctx.lineWidth = 1;
    }
  }
}
