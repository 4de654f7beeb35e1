/**
 * What is under the pointer: for P and goroutine lanes the slice (asked of the worker),
 * for the other lanes the value the tiles hold at that bucket. Text only.
 */
import { useMemo } from 'react';
import { formatBytes, formatNanos, thousands, visibleMarks } from '../../state/format';
import type { Tiles } from '../../worker/timeline-api';
import type { FileId } from '../../worker/types';
import { useDebounced } from '../shared/useDebounced';
import { useWorkerCall } from '../shared/useWorkerCall';
import { whereLine } from '../trace/StackView';
import { Tooltip } from '../trace/Tooltip';
import type { Row } from './layout';

export interface Hover {
  x: number;
  y: number;
  row: Row;
  t: number;
}

export function LaneTooltip({ file, hover, tiles, index, left, top, width }: { file: FileId; hover: Hover; tiles: Tiles | null; index: Map<string, number>; left: number; top: number; width: number }) {
  const { row, t } = hover;
  const sliceLane = row.kind === 'proc' || row.kind === 'goroutine';
  // Debounced as a string: a new object every render would never settle.
  const askKey = useDebounced(sliceLane || row.kind === 'span' ? `${row.key}@${Math.round(t)}` : null, 40);
  const at = useMemo(() => (askKey ? { file, lane: askKey.split('@')[0], timeNs: Number(askKey.split('@')[1]) } : null), [askKey, file]);
  const ask = useMemo(() => (at && sliceLane ? { ...at, detail: false } : null), [at, sliceLane]);
  const slice = useWorkerCall('timelineSlice', ask);
  const span = useWorkerCall('timelineSpan', row.kind === 'span' ? at : null);
  let body: React.ReactNode = null;
  if (sliceLane) {
    const s = slice.data;
    if (s && s.startNs <= t && t <= s.endNs) {
      body = (
        <>
          <strong>{s.goroutine.label}</strong>
          {s.merged && <div className="muted">many short slices here; zoom in to see them apart</div>}
          <div>
            {s.state}
            {s.reason && ` (${s.reason})`}
          </div>
          <div>
            {formatNanos(s.startNs)} → {formatNanos(s.endNs)}, {formatNanos(s.endNs - s.startNs)} ({thousands(s.endNs - s.startNs)} ns)
          </div>
          <div className="muted">at start: {whereLine(s.startStack)}</div>
        </>
      );
    } else if (slice.key === JSON.stringify(ask) && !slice.loading) {
      body = <span className="muted">{row.name}: idle at {formatNanos(t)}</span>;
    }
  } else if (row.kind === 'span') {
    const d = span.data;
    if (d && d.startNs <= t && t <= d.endNs)
      body = (
        <>
          <strong>{visibleMarks(row.name)}</strong>
          <div>{visibleMarks(d.name)}</div>
          <div>
            {formatNanos(d.startNs)} → {formatNanos(d.endNs)}, {formatNanos(d.endNs - d.startNs)} ({thousands(d.endNs - d.startNs)} ns)
          </div>
        </>
      );
  } else {
    body = bucketText(row, t, tiles, index);
  }
  if (!body) return null;
  return (
    <Tooltip x={hover.x + left} y={hover.y + top} boxWidth={width + left} testId="timeline-tooltip">
      {body}
    </Tooltip>
  );
}

function bucketText(row: Row, t: number, tiles: Tiles | null, index: Map<string, number>): React.ReactNode {
  const li = index.get(row.key);
  if (!tiles || li === undefined) return null;
  const bw = (tiles.t1 - tiles.t0) / tiles.width;
  const b = Math.floor((t - tiles.t0) / bw);
  if (b < 0 || b >= tiles.width) return null;
  const i = li * tiles.width + b;
  const at = `${formatNanos(tiles.t0 + b * bw)} – ${formatNanos(tiles.t0 + (b + 1) * bw)}`;
  const bytes = row.key === 'heap';
  const fmt = (v: number) => (bytes ? formatBytes(v) : thousands(v));
  if (row.kind === 'counter') {
    const lo = tiles.low[i];
    const hi = tiles.high[i];
    if (Number.isNaN(hi)) return null;
    const gi = index.get('heapGoal');
    const goal = bytes && gi !== undefined ? tiles.high[gi * tiles.width + b] : NaN;
    return (
      <>
        <strong>{visibleMarks(row.name)}</strong>
        <div>{lo === hi ? fmt(hi) : `${fmt(lo)} – ${fmt(hi)}`}</div>
        {!Number.isNaN(goal) && <div>goal {formatBytes(goal)}</div>}
        <div className="muted">{at}</div>
      </>
    );
  }
  if (row.kind === 'ticks') {
    const n = tiles.high[i] || 0;
    return (
      <>
        <strong>{visibleMarks(row.name)}</strong>
        <div>{thousands(n)} samples</div>
        <div className="muted">{at}</div>
      </>
    );
  }
  return null;
}
