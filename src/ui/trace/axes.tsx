/** What the trace charts draw alike: the time axis along the bottom, value gridlines, the pointer's place. */
import type { MouseEvent } from 'react';
import type { ScaleLinear } from 'd3';
import { timeTicks } from './chart';

/** The baseline and labelled time ticks under a plot of `width` × `height` px. */
export function TimeAxis({ durationNs, x, width, height }: { durationNs: number; x: ScaleLinear<number, number>; width: number; height: number }) {
  return (
    <>
      <line className="axis-line" x1={0} x2={width} y1={height} y2={height} />
      {timeTicks(durationNs, Math.max(2, Math.floor(width / 90))).map((t) => (
        <g key={t.value} transform={`translate(${x(t.value)},${height})`}>
          <line className="axis-line" y2={4} />
          <text y={16} textAnchor="middle">{t.label}</text>
        </g>
      ))}
    </>
  );
}

/** Horizontal gridlines across the plot, labelled on the left. */
export function ValueGrid({ ticks, y, width, format }: { ticks: number[]; y: ScaleLinear<number, number>; width: number; format: (v: number) => string }) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${y(t)})`}>
          <line className="grid" x2={width} />
          <text x={-6} dy="0.32em" textAnchor="end">{format(t)}</text>
        </g>
      ))}
    </>
  );
}

/** Where the pointer is in the chart's svg (margins included), from an event on a shape inside it. */
export function pointerInSvg(e: MouseEvent<SVGGraphicsElement>): { x: number; y: number } {
  const box = (e.currentTarget.ownerSVGElement as SVGSVGElement).getBoundingClientRect();
  return { x: e.clientX - box.left, y: e.clientY - box.top };
}
