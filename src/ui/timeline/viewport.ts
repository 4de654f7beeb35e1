/**
 * The timeline's window on the trace, [t0, t1] in relative ns, and the moves people know
 * from trace viewers: zoom about a point, pan by a share of the window, fit. Pure.
 */

export type { Span as Viewport } from '../../state/hash';
import type { Span as Viewport } from '../../state/hash';

/** The narrowest window: a few ns per pixel at any width is finer than any event. */
export const MIN_SPAN_NS = 200;

/** `v` moved inside [0, end] and no narrower than MIN_SPAN_NS (or the whole trace). */
export function clampView(v: Viewport, end: number): Viewport {
  const full = Math.max(end, 1);
  let span = Math.min(Math.max(v.t1 - v.t0, Math.min(MIN_SPAN_NS, full)), full);
  if (!Number.isFinite(span)) span = full;
  let t0 = Number.isFinite(v.t0) ? v.t0 : 0;
  t0 = Math.max(0, Math.min(t0, full - span));
  return { t0, t1: t0 + span };
}

export function fit(end: number): Viewport {
  return { t0: 0, t1: Math.max(end, 1) };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time at `anchor` (0–1 across the window) in place. */
export function zoomAbout(v: Viewport, factor: number, anchor: number, end: number): Viewport {
  const span = v.t1 - v.t0;
  const at = v.t0 + span * anchor;
  // The new span is bounded before it is placed, so the time at the anchor stays put.
  const next = Math.min(Math.max(span * factor, Math.min(MIN_SPAN_NS, end)), Math.max(end, 1));
  return clampView({ t0: at - next * anchor, t1: at - next * anchor + next }, end);
}

/** Pans by `share` of the window (positive: later). */
export function panBy(v: Viewport, share: number, end: number): Viewport {
  const d = (v.t1 - v.t0) * share;
  return clampView({ t0: v.t0 + d, t1: v.t1 + d }, end);
}

/** The time under x (CSS px from the plot's left edge). */
export function timeAt(v: Viewport, x: number, width: number): number {
  return v.t0 + ((v.t1 - v.t0) * x) / Math.max(1, width);
}

export function xOf(v: Viewport, t: number, width: number): number {
  return ((t - v.t0) / Math.max(1e-9, v.t1 - v.t0)) * width;
}

/** Wheel delta (pixels or lines) → zoom factor: one notch of a mouse wheel is about 15%. */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const px = deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * 800 : deltaY;
  return Math.exp(Math.max(-500, Math.min(500, px)) * 0.0015);
}
