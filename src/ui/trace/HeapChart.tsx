/** Heap in use and heap goal over the trace, GC cycles shaded, stop-the-world pauses marked. */
import { curveStepAfter, line, scaleLinear } from 'd3';
import { formatBytes, formatNanos, thousands } from '../../state/format';
import type { TraceHeapAnswer } from '../../worker/trace-api';
import { pointerInSvg, TimeAxis, ValueGrid } from './axes';
import { ChartFrame, plotIn } from './ChartFrame';
import { useChartCursor } from './useChartCursor';
import { formatInstant, indexAtOrBefore, pauseStats } from './chart';
import { Tooltip } from './Tooltip';

const M = { top: 16, right: 20, bottom: 28, left: 64 };

function byteTicks(max: number): { max: number; ticks: number[] } {
  // Nice steps in the unit the axis is labelled in (KiB, MiB, GiB).
  const unit = max >= 1024 ** 3 ? 1024 ** 3 : max >= 1024 ** 2 ? 1024 ** 2 : max >= 1024 ? 1024 : 1;
  const s = scaleLinear().domain([0, Math.max(1, max / unit)]).nice(4);
  return { max: s.domain()[1] * unit, ticks: s.ticks(4).map((t) => t * unit) };
}

export function HeapChart({ data, width, height = 210 }: { data: TraceHeapAnswer; width: number; height?: number }) {
  const chart = useChartCursor<number>();
  const { cursor, pointer } = chart;
  const plot = plotIn(width, height, M);
  const { w, h } = plot;
  const dur = Math.max(1, data.durationNs);
  const maxBytes = [...data.heapAlloc.bytes, ...data.heapGoal.bytes].reduce((m, v) => Math.max(m, v), 0);
  const y = byteTicks(maxBytes);
  const x = scaleLinear().domain([0, dur]).range([0, w]);
  const yb = scaleLinear().domain([0, y.max]).range([h, 0]);
  const alloc = data.heapAlloc;
  const goal = data.heapGoal;
  const allocPath = line<number>().x((_, i) => x(alloc.timeNs[i]!)).y((v) => yb(v))(alloc.bytes) ?? '';
  const goalT = goal.timeNs.length ? [...goal.timeNs, dur] : [];
  const goalV = goal.bytes.length ? [...goal.bytes, goal.bytes[goal.bytes.length - 1]!] : [];
  const goalPath = line<number>().curve(curveStepAfter).x((_, i) => x(goalT[i]!)).y((v) => yb(v))(goalV) ?? '';
  const pauses = pauseStats(data.stw);
  const peak = alloc.bytes.reduce((m, v) => Math.max(m, v), 0);

  const at = (t: number) => {
    const ai = indexAtOrBefore(alloc.timeNs, t);
    const gi = indexAtOrBefore(goal.timeNs, t);
    const inGc = data.gcs.some((g) => g.startNs <= t && (g.endNs ?? dur) >= t);
    const stw = data.stw.find((p) => p.startNs <= t && (p.endNs ?? dur) >= t);
    return { heap: ai >= 0 ? alloc.bytes[ai]! : null, goal: gi >= 0 ? goal.bytes[gi]! : null, inGc, stw };
  };
  const onKey = (e: React.KeyboardEvent) => {
    const step = dur / 100;
    const cur = cursor ?? 0;
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = cursor === null ? 0 : Math.min(dur, cur + step);
    else if (e.key === 'ArrowLeft') next = cursor === null ? 0 : Math.max(0, cur - step);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = dur;
    else if (e.key === 'Escape') chart.clear();
    if (next !== null) {
      e.preventDefault();
      chart.step(next);
    }
  };
  const tip = cursor !== null ? at(cursor) : null;
  const sentence = tip
    ? `${formatInstant(cursor!)}: heap in use ${tip.heap === null ? 'unknown' : formatBytes(tip.heap)}, goal ${tip.goal === null ? 'unknown' : formatBytes(tip.goal)}${tip.inGc ? ', GC running' : ''}${tip.stw ? `, stopped the world (${tip.stw.kind})` : ''}.`
    : '';

  return (
    <div>
      <ChartFrame
        label="Heap and GC over time"
        hint={
          <>
            Heap in use and heap goal over the trace; {data.gcs.length} GC cycles shaded, {pauses.count} stop-the-world pauses marked at the top. Arrow keys move a cursor.
          </>
        }
        testId="heap-chart"
        plot={plot}
        onKeyDown={onKey}
        cursor={chart}
        tooltip={
          tip && (
            <Tooltip x={pointer ? pointer.x : M.left + x(cursor!)} y={pointer ? pointer.y : M.top} boxWidth={plot.boxWidth} testId="heap-tooltip">
              <div className="tt-title">{formatInstant(cursor!)}</div>
              <table>
                <tbody>
                  <tr><td>heap in use</td><td className="num">{tip.heap === null ? '—' : formatBytes(tip.heap)}</td></tr>
                  <tr><td>heap goal</td><td className="num">{tip.goal === null ? '—' : formatBytes(tip.goal)}</td></tr>
                  {tip.inGc && <tr><td colSpan={2}>GC running</td></tr>}
                  {tip.stw && <tr><td colSpan={2}>stop-the-world: {tip.stw.kind}</td></tr>}
                </tbody>
              </table>
            </Tooltip>
          )
        }
        live={chart.focused ? sentence : ''}
      >
        {data.gcs.map((g, i) => (
          <rect key={i} className="gc-band" x={x(g.startNs)} width={Math.max(1, x(g.endNs ?? dur) - x(g.startNs))} y={0} height={h} />
        ))}
        <ValueGrid ticks={y.ticks} y={yb} width={w} format={(t) => (t === 0 ? '0' : formatBytes(t))} />
        <path className="goal-line" d={goalPath} />
        <path className="heap-line" d={allocPath} />
        {data.stw.map((p, i) => (
          <rect key={i} className="stw" x={x(p.startNs)} width={Math.max(1.5, x(p.endNs ?? dur) - x(p.startNs))} y={-10} height={8} />
        ))}
        <TimeAxis durationNs={dur} x={x} width={w} height={h} />
        {cursor !== null && <line className="cursor" x1={x(cursor)} x2={x(cursor)} y1={-10} y2={h} />}
        <rect
          className="overlay"
          width={w}
          height={h}
          onMouseMove={(e) => {
            const p = pointerInSvg(e);
            chart.hover(p, Math.max(0, Math.min(dur, x.invert(p.x - M.left))));
          }}
          onMouseLeave={chart.leave}
        />
      </ChartFrame>
      <ul className="tr-legend" aria-label="Heap chart legend">
        <li><span className="tr-swatch line" style={{ background: 'var(--tr-heap)' }} /> heap in use</li>
        <li><span className="tr-swatch dash" /> heap goal</li>
        <li><span className="tr-swatch" style={{ background: 'var(--tr-gc)', outline: '1px solid var(--border)' }} /> GC cycle</li>
        <li><span className="tr-swatch" style={{ background: 'var(--tr-stw)' }} /> stop-the-world pause</li>
      </ul>
      <p className="tr-stats" data-testid="heap-stats">
        <span>peak heap in use <b>{formatBytes(peak)}</b></span>
        <span>GC cycles <b>{thousands(data.gcs.length)}</b></span>
        <span>stop-the-world pauses <b>{thousands(pauses.count)}</b>, longest <b>{formatNanos(pauses.longest)}</b>, total <b>{formatNanos(pauses.total)}</b></span>
      </p>
    </div>
  );
}
