/**
 * The timeline itself: lane names in the DOM (each lane has its accessible name), a time
 * ruler, one canvas for every lane, fixed lanes on top and the goroutine lanes scrolling
 * below. Zoom with W/S, the wheel or a pinch (at the pointer), pan with A/D or a drag,
 * double-click to fit, Shift+drag to select a range; click a slice for its details.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { formatNanos, visibleMarks } from '../../state/format';
import { useView, viewActions } from '../../state/view';
import { worker } from '../../state/worker';
import type { SliceDetail, TimelineInfo } from '../../worker/timeline-api';
import type { FileId } from '../../worker/types';
import { useElementSize } from '../shared/useElementSize';
import { useWorkerCall } from '../shared/useWorkerCall';
import { type Paint, drawTimeline } from './draw';
import { GOROUTINE_ROW_STEP, type Row, laneHeight, rowAt, stackRows, visibleGoroutineLanes } from './layout';
import { LaneTooltip, type Hover } from './LaneTooltip';
import { RangePanel } from './RangePanel';
import { SliceDetails } from './SliceDetails';
import { StateLegend } from './StateLegend';
import { timeRulerTicks } from './ticks';
import { TimelineToolbar } from './TimelineToolbar';
import { useTiles } from './useTiles';
import { type Viewport, clampView, fit, panBy, timeAt, wheelZoomFactor, xOf, zoomAbout } from './viewport';

const LABEL_W = 200;
const RULER_H = 26;
const ZOOM_STEP = 0.7;
const PAN_STEP = 0.2;

export function TimelineCanvas({ file, info }: { file: FileId; info: TimelineInfo }) {
  const end = info.endNs;
  const stored = useView((s) => s.timelineView);
  const range = useView((s) => s.timelineRange);
  const theme = useView((s) => s.theme);
  const view = useMemo(() => clampView(stored ?? fit(end), end), [stored, end]);
  const setView = (v: Viewport) => viewActions.setTimelineView(clampView(v, end));
  const query = useView((s) => s.timelineLanes);
  const setQuery = viewActions.setTimelineLanes;
  const [scrollTop, setScrollTop] = useState(0);
  const [hover, setHover] = useState<Hover | null>(null);
  const [selected, setSelected] = useState<SliceDetail | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(body, 60);
  const cw = Math.max(0, size.width - LABEL_W);
  const ch = Math.max(0, size.height - RULER_H);

  const fixed = useMemo(() => stackRows(info.lanes, 4), [info.lanes]);
  const gTop = fixed.height + 8;
  const visible = visibleGoroutineLanes(scrollTop, Math.max(0, ch - gTop));
  const lanesCall = useWorkerCall('timelineLanes', { file, filter: query.filter, sort: query.sort, offset: visible.first, limit: visible.count + 20 });
  const gLanes = lanesCall.data;
  const gRows: Row[] = useMemo(
    () =>
      (gLanes?.lanes ?? []).map((l, i) => ({ ...l, y: gTop + (gLanes!.offset + i) * GOROUTINE_ROW_STEP - scrollTop, h: laneHeight('goroutine') })),
    [gLanes, gTop, scrollTop],
  );
  const rows = useMemo(() => [...fixed.rows, ...gRows.filter((r) => r.y + r.h > gTop && r.y < ch)], [fixed.rows, gRows, gTop, ch]);
  const laneKeys = useMemo(() => {
    const keys = rows.map((r) => r.key);
    if (keys.includes('heap')) keys.push('heapGoal');
    return keys;
  }, [rows]);
  const { tiles, index, error } = useTiles(file, view, cw, laneKeys, end);
  const ticks = useMemo(() => timeRulerTicks(view.t0, view.t1, cw), [view, cw]);
  const paint = useRef<Paint>({ theme, slotName: info.slotName, gcWorkerName: info.gcWorkerName, grid: '', counterMax: new Map() });

  // Paint whenever anything drawn changes; the canvas is sized in device pixels. Each paint
  // is a performance measure ("timeline-draw"; the first with tiles also a mark), which
  // `npm run bench -- timeline` reads.
  const painted = useRef(false);
  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c || cw <= 0 || ch <= 0) return;
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(cw * dpr) || c.height !== Math.round(ch * dpr)) {
      c.width = Math.round(cw * dpr);
      c.height = Math.round(ch * dpr);
    }
    const ctx = c.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const p = paint.current;
    p.theme = theme;
    p.grid = getComputedStyle(c).getPropertyValue('--tl-grid').trim() || '#ddd';
    const flow =
      selected?.madeRunnable?.byLane != null
        ? { fromLane: selected.madeRunnable.byLane, fromT: selected.madeRunnable.atNs, toLane: selected.lane, toT: selected.startNs }
        : null;
    const sel = selected ? { lane: selected.lane, t0: selected.startNs, t1: selected.endNs } : null;
    drawTimeline(ctx, cw, ch, view, rows, tiles, index, p, { range, selected: sel, flow }, ticks);
    // The goroutine lanes scroll under the fixed ones.
    ctx.clearRect(0, fixed.height + 4, cw, gTop - fixed.height - 4);
    performance.measure('timeline-draw', { start: started });
    if (tiles && !painted.current) {
      painted.current = true;
      performance.mark('timeline-first-paint');
    }
  }, [cw, ch, view, rows, tiles, index, theme, range, selected, ticks, fixed.height, gTop]);

  // Wheel: zoom at the pointer over the fixed lanes and with Ctrl (a pinch) anywhere;
  // over the goroutine lanes the wheel scrolls them; a sideways swipe pans.
  const viewRef = useRef(view);
  viewRef.current = view;
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const r = el.getBoundingClientRect();
      const x = e.clientX - r.left - LABEL_W;
      const y = e.clientY - r.top - RULER_H;
      if (x < 0) return;
      const v = viewRef.current;
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        setView(panBy(v, e.deltaX / Math.max(1, cw), end));
      } else if (e.ctrlKey || e.metaKey || y < gTop) {
        e.preventDefault();
        setView(zoomAbout(v, wheelZoomFactor(e.deltaY, e.deltaMode), x / Math.max(1, cw), end));
      } else if (e.shiftKey) {
        e.preventDefault();
        setView(panBy(v, e.deltaY / Math.max(1, cw), end));
      }
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
    // setView only closes over `end`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cw, gTop, end]);

  const drag = useRef<{ x: number; view: Viewport; t: number; shift: boolean; moved: boolean } | null>(null);
  const local = (e: React.PointerEvent | React.MouseEvent) => {
    const r = body.current!.getBoundingClientRect();
    return { x: e.clientX - r.left - LABEL_W, y: e.clientY - r.top - RULER_H };
  };
  const onPointerDown = (e: React.PointerEvent) => {
    const { x, y } = local(e);
    if (x < 0 || y < 0 || e.button !== 0) return;
    // Clicks on the goroutine list's scrollbar scroll; they do not drag.
    if ((e.target as HTMLElement).classList.contains('tl-gscroll') && e.nativeEvent.offsetX > (e.target as HTMLElement).clientWidth) return;
    body.current!.setPointerCapture(e.pointerId);
    drag.current = { x, view, t: timeAt(view, x, cw), shift: e.shiftKey, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const { x, y } = local(e);
    const d = drag.current;
    if (d) {
      if (Math.abs(x - d.x) > 3) d.moved = true;
      if (!d.moved) return;
      if (d.shift) {
        const t = timeAt(view, x, cw);
        viewActions.setTimelineRange({ t0: Math.max(0, Math.min(d.t, t)), t1: Math.min(end, Math.max(d.t, t)) });
      } else {
        setView(panBy(d.view, -(x - d.x) / Math.max(1, cw), end));
      }
      return;
    }
    const row = x >= 0 && y >= 0 ? rowAt(rows, y) : null;
    setHover(row ? { x, y, row, t: timeAt(view, x, cw) } : null);
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const { x, y } = local(e);
    const row = rowAt(rows, y);
    if (!row || (row.kind !== 'proc' && row.kind !== 'goroutine')) return setSelected(null);
    void worker()
      .call('timelineSlice', { file, lane: row.key, timeNs: timeAt(view, x, cw), detail: true })
      .then(setSelected, () => setSelected(null));
  };

  const hoverAt = () => (hover ? hover.x / Math.max(1, cw) : 0.5);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key.toLowerCase();
    if (k === 'w') setView(zoomAbout(view, ZOOM_STEP, hoverAt(), end));
    else if (k === 's') setView(zoomAbout(view, 1 / ZOOM_STEP, hoverAt(), end));
    else if (k === 'a') setView(panBy(view, -PAN_STEP, end));
    else if (k === 'd') setView(panBy(view, PAN_STEP, end));
    else if (k === 'f' || k === '0') setView(fit(end));
    else if (e.key === 'Escape' && (selected || range)) {
      setSelected(null);
      viewActions.setTimelineRange(null);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const total = gLanes?.total ?? 0;
  return (
    <div className="tl-wrap">
      <TimelineToolbar
        reading={!!tiles?.pending}
        view={view}
        endNs={end}
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setScrollTop(0);
        }}
        total={total}
        goroutines={info.goroutines}
        onZoom={(f) => setView(zoomAbout(view, f, 0.5, end))}
        onFit={() => setView(fit(end))}
        range={range}
        onClearRange={() => viewActions.setTimelineRange(null)}
        onZoomToRange={() => range && setView(range)}
      />
      <div className="tl-main">
        <div
          ref={body}
          className="tl-body"
          role="application"
          aria-roledescription="timeline"
          aria-label={`Trace timeline, ${formatNanos(view.t0)} to ${formatNanos(view.t1)}. W and S zoom, A and D pan, F fits, Shift+drag selects a range.`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => setHover(null)}
          onDoubleClick={(e) => local(e).x >= 0 && setView(fit(end))}
          data-testid="timeline"
          data-t0={Math.round(view.t0)}
          data-t1={Math.round(view.t1)}
          data-end={Math.round(end)}
          data-pending={tiles?.pending ? 'true' : undefined}
        >
          <svg className="tl-ruler" width={cw} height={RULER_H} style={{ left: LABEL_W }} role="img" aria-label={`Time ruler from ${formatNanos(view.t0)} to ${formatNanos(view.t1)}`}>
            {ticks.map((t) => {
              const x = xOf(view, t.t, cw);
              return (
                <g key={t.t} transform={`translate(${x},0)`}>
                  <line y1={RULER_H - 6} y2={RULER_H} />
                  {/* A label that would run past the right edge is left out; its tick stays. */}
                  {x < cw - 7 * t.label.length && (
                    <text y={RULER_H - 9} x={3}>
                      {t.label}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          <canvas ref={canvas} className="tl-canvas" style={{ left: LABEL_W, top: RULER_H, width: cw, height: ch }} aria-hidden="true" />
          <ul className="tl-labels" aria-label="Lanes" style={{ top: RULER_H, width: LABEL_W }}>
            {fixed.rows.map((r) => (
              <li key={r.key} aria-label={r.name} style={{ top: r.y, height: r.h }} className={`tl-label ${r.kind}`}>
                {visibleMarks(r.name)}
              </li>
            ))}
          </ul>
          <div
            className="tl-gscroll"
            style={{ top: RULER_H + gTop }}
            onScroll={(e) => setScrollTop((e.target as HTMLElement).scrollTop)}
            aria-label={`Goroutine lanes, ${total} shown`}
            role="region"
          >
            <ul className="tl-glabels" aria-label="Goroutine lanes" style={{ height: total * GOROUTINE_ROW_STEP, width: LABEL_W }}>
              {(gLanes?.lanes ?? []).map((l, i) => (
                <li key={l.key} aria-label={l.name} title={visibleMarks(l.name)} className="tl-label goroutine" style={{ top: (gLanes!.offset + i) * GOROUTINE_ROW_STEP, height: laneHeight('goroutine') }}>
                  {visibleMarks(l.name)}
                </li>
              ))}
            </ul>
          </div>
          {hover && !drag.current && <LaneTooltip file={file} hover={hover} tiles={tiles} index={index} left={LABEL_W} top={RULER_H} width={cw} />}
        </div>
        <aside className="tl-side" aria-label="Timeline details">
          <StateLegend theme={theme} />
          {error && <p className="view-error" role="alert">Could not draw the timeline: {error}</p>}
          <SliceDetails detail={selected} />
        </aside>
      </div>
      {range && <RangePanel file={file} range={range} hasCpuSamples={info.lanes.some((l) => l.key === 'cpu')} endNs={end} />}
    </div>
  );
}
