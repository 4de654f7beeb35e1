/**
 * The focusable box around a trace chart: its name and hint for screen readers, the svg
 * with the plot inset by its margins, the tooltip, and a live sentence read while focused.
 */
import { useId, type KeyboardEvent, type ReactNode } from 'react';

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A chart box split into its margins and the plot inside them. */
export interface Plot {
  margin: Margin;
  /** The plot's size inside the margins. */
  w: number;
  h: number;
  /** The whole box, margins included. */
  boxWidth: number;
  boxHeight: number;
}

/** The plot a box of width × height leaves inside its margins; never smaller than 120 × 60 px. */
export function plotIn(width: number, height: number, margin: Margin): Plot {
  const w = Math.max(120, width - margin.left - margin.right);
  const h = Math.max(60, height - margin.top - margin.bottom);
  return { margin, w, h, boxWidth: w + margin.left + margin.right, boxHeight: h + margin.top + margin.bottom };
}

interface Props {
  label: string;
  /** How to read and drive the chart (screen-reader only). */
  hint: ReactNode;
  /** More descriptions to point at, besides the hint. */
  describedBy?: string;
  testId: string;
  plot: Plot;
  onKeyDown: (e: KeyboardEvent) => void;
  /** Focus and blur go to the chart's cursor (see useChartCursor). */
  cursor: { onFocus: () => void; onBlur: () => void };
  tooltip: ReactNode;
  live: string;
  /** The plot, drawn with its origin at the top-left inside the margins. */
  children: ReactNode;
}

export function ChartFrame({ label, hint, describedBy, testId, plot, onKeyDown, cursor, tooltip, live, children }: Props) {
  const M = plot.margin;
  const hintId = useId();
  return (
    <div
      className="tr-chart"
      role="group"
      aria-label={label}
      aria-describedby={[describedBy, hintId].filter(Boolean).join(' ')}
      tabIndex={0}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onFocus={cursor.onFocus}
      onBlur={cursor.onBlur}
    >
      <span id={hintId} className="tr-sr">{hint}</span>
      <svg width={plot.boxWidth} height={plot.boxHeight} aria-hidden="true">
        <g transform={`translate(${M.left},${M.top})`}>{children}</g>
      </svg>
      {tooltip}
      <span className="tr-sr" aria-live="polite">{live}</span>
    </div>
  );
}
