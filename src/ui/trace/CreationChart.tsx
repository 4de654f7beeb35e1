/**
 * Goroutines created per time bucket, stacked by start function, with the live-goroutine
 * line on its own axis. Hover or arrow keys show a bucket's exact numbers; click (or
 * Enter) picks the snapshot time A, Shift+click (Shift+Enter) time B.
 */
import { useMemo } from 'react';
import { line, scaleLinear } from 'd3';
import { thousands } from '../../state/format';
import type { TraceCreationAnswer } from '../../worker/trace-api';
import { shortFuncName } from '../../model/go-names';
import { pointerInSvg, TimeAxis, ValueGrid } from './axes';
import { ChartFrame, plotIn } from './ChartFrame';
import { useChartCursor } from './useChartCursor';
import { bucketAt, bucketLines, bucketSentence, formatInstant, stackCounts, valueTicks } from './chart';
import { Tooltip } from './Tooltip';

export const seriesColor = (names: string[], k: number) => (names[k] === '(other)' ? 'var(--tr-s8)' : `var(--tr-s${k % 8})`);

const M = { top: 12, right: 58, bottom: 28, left: 54 };

interface Props {
  data: TraceCreationAnswer;
  width: number;
  height?: number;
  markers: { a: number | null; b: number | null };
  onPick: (timeNs: number, which: 'a' | 'b') => void;
  describedBy?: string;
}

export function CreationChart({ data, width, height = 230, markers, onPick, describedBy }: Props) {
  const chart = useChartCursor<number>();
  const { cursor: active, pointer } = chart;
  const plot = plotIn(width, height, M);
  const { w, h } = plot;
  const n = data.starts.length;
  const stacked = useMemo(() => stackCounts(data.counts), [data]);
  const yC = valueTicks(stacked.max, 5);
  const liveMax = data.live.reduce((m, v) => Math.max(m, v), 0);
  const yL = valueTicks(liveMax, 5);
  const x = scaleLinear().domain([0, Math.max(1, data.durationNs)]).range([0, w]);
  const yc = scaleLinear().domain([0, yC.max]).range([h, 0]);
  const yl = scaleLinear().domain([0, yL.max]).range([h, 0]);
  const bw = w / Math.max(1, n);
  const livePath =
    line<number>()
      .x((_, i) => x(Math.min(data.durationNs, (data.starts[i] ?? 0) + data.width)))
      .y((v) => yl(v))(data.live) ?? '';

  const pick = (i: number, which: 'a' | 'b') => onPick(Math.min(data.durationNs, (data.starts[i] ?? 0) + data.width / 2), which);
  const onKey = (e: React.KeyboardEvent) => {
    const cur = active ?? 0;
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = Math.min(n - 1, cur + (active === null ? 0 : 1));
    else if (e.key === 'ArrowLeft') next = Math.max(0, cur - (active === null ? 0 : 1));
    else if (e.key === 'PageUp') next = Math.min(n - 1, cur + 10);
    else if (e.key === 'PageDown') next = Math.max(0, cur - 10);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      pick(cur, e.shiftKey ? 'b' : 'a');
      return;
    } else if (e.key === 'Escape') {
      chart.clear();
      return;
    }
    if (next !== null) {
      e.preventDefault();
      chart.step(next);
    }
  };

  const tip = active !== null ? bucketLines(data, active) : null;
  const tipX = pointer ? pointer.x : active !== null ? M.left + (active + 0.5) * bw : 0;
  const tipY = pointer ? pointer.y : M.top + 8;
  const hint = `Goroutines created per ${formatInstant(data.width)}, stacked by start function, and live goroutines over the trace. Arrow keys step through the buckets; Enter sets snapshot time A, Shift+Enter time B.`;

  return (
    <div>
      <ChartFrame
        label="Goroutine creation over time"
        hint={hint}
        describedBy={describedBy}
        testId="creation-chart"
        plot={plot}
        onKeyDown={onKey}
        cursor={chart}
        tooltip={
          tip && (
            <Tooltip x={tipX} y={tipY} boxWidth={plot.boxWidth} testId="creation-tooltip">
              <div className="tt-title">{tip.title}</div>
              <table>
                <tbody>
                  {tip.rows.map((r) => (
                    <tr key={r.k}>
                      <td><span className="tr-swatch" style={{ background: seriesColor(data.names, r.k) }} /> {shortFuncName(r.name)}</td>
                      <td className="num">{thousands(r.count)}</td>
                    </tr>
                  ))}
                  <tr className="sum">
                    <td>created</td>
                    <td className="num">{thousands(tip.created)}</td>
                  </tr>
                  <tr>
                    <td>live at bucket end</td>
                    <td className="num">{thousands(tip.live)}</td>
                  </tr>
                </tbody>
              </table>
            </Tooltip>
          )
        }
        live={chart.focused && active !== null ? bucketSentence(data, active) : ''}
      >
        <ValueGrid ticks={yC.ticks} y={yc} width={w} format={thousands} />
        {yL.ticks.map((t) => (
          <text key={`l${t}`} x={w + 6} y={yl(t)} dy="0.32em">{thousands(t)}</text>
        ))}
        {active !== null && <rect className="active-band" x={active * bw} width={bw} y={0} height={h} />}
        {data.counts.map((row, k) => (
          <g key={k} fill={seriesColor(data.names, k)} data-series={data.names[k]}>
            {row.map((c, i) =>
              c > 0 ? (
                <rect
                  key={i}
                  x={i * bw + (bw > 3 ? 0.5 : 0)}
                  width={Math.max(0.8, bw - (bw > 3 ? 1 : 0))}
                  y={yc(stacked.y1[k]![i]!)}
                  height={Math.max(0.5, yc(stacked.y0[k]![i]!) - yc(stacked.y1[k]![i]!))}
                />
              ) : null,
            )}
          </g>
        ))}
        <path className="live-line" d={livePath} />
        <TimeAxis durationNs={data.durationNs} x={x} width={w} height={h} />
        <text className="axis-title" transform={`translate(${-42},${h / 2}) rotate(-90)`} textAnchor="middle">created / {formatInstant(data.width)}</text>
        <text className="axis-title" transform={`translate(${w + 48},${h / 2}) rotate(90)`} textAnchor="middle">live</text>
        {(['a', 'b'] as const).map((m) =>
          markers[m] !== null ? (
            <g key={m} transform={`translate(${x(markers[m]!)},0)`}>
              <line className="marker" y1={-4} y2={h} />
              <text className="marker-label" y={-2} x={3}>{m.toUpperCase()}</text>
            </g>
          ) : null,
        )}
        <rect
          className="overlay"
          width={w}
          height={h}
          onMouseMove={(e) => {
            const p = pointerInSvg(e);
            chart.hover(p, bucketAt(p.x - M.left, w, n));
          }}
          onMouseLeave={chart.leave}
          onClick={(e) => pick(bucketAt(pointerInSvg(e).x - M.left, w, n), e.shiftKey ? 'b' : 'a')}
        />
      </ChartFrame>
      <ul className="tr-legend" aria-label="Start functions in the chart">
        {data.names.map((name, k) => (
          <li key={k} title={name}>
            <span className="tr-swatch" style={{ background: seriesColor(data.names, k) }} />
            <span className="name">{shortFuncName(name)}</span>
            <span className="muted">{thousands(data.totals[k] ?? 0)}</span>
          </li>
        ))}
        <li>
          <span className="tr-swatch line" style={{ background: 'var(--tr-live)' }} />
          <span>live goroutines (right axis)</span>
        </li>
      </ul>
    </div>
  );
}
