/** Above the timeline: the window in words, zoom buttons, the range, and which goroutine lanes to list. */
import { useCallback, useId, useRef } from 'react';
import { formatNanos, thousands } from '../../state/format';
import { regexError } from '../../analysis/transforms/regex';
import type { GoroutineLaneSort } from '../../worker/timeline-api';
import { useDraft } from '../shared/useDraft';
import { tickLabel } from './ticks';
import type { Viewport } from './viewport';

export interface LaneQuery {
  filter: string;
  sort: GoroutineLaneSort;
}

interface Props {
  /** A finer window is being read from the trace. */
  reading: boolean;
  view: Viewport;
  endNs: number;
  query: LaneQuery;
  onQuery: (q: LaneQuery) => void;
  total: number;
  goroutines: number;
  onZoom: (factor: number) => void;
  onFit: () => void;
  range: Viewport | null;
  onClearRange: () => void;
  onZoomToRange: () => void;
}

export function TimelineToolbar({ reading, view, endNs, query, onQuery, total, goroutines, onZoom, onFit, range, onClearRange, onZoomToRange }: Props) {
  const filterId = useId();
  const sortId = useId();
  // Stable, so re-renders (the pointer moving over the lanes) do not restart the typing pause.
  const latest = useRef({ query, onQuery });
  latest.current = { query, onQuery };
  const commit = useCallback((filter: string) => {
    if (!regexError(filter)) latest.current.onQuery({ ...latest.current.query, filter });
  }, []);
  const [draft, setDraft] = useDraft(query.filter, commit, 250);
  const err = regexError(draft);
  return (
    <div className="tl-toolbar" role="toolbar" aria-label="Timeline controls">
      <span className="tl-window" data-testid="timeline-window">
        {tickLabel(view.t0, (view.t1 - view.t0) / 100)} – {tickLabel(view.t1, (view.t1 - view.t0) / 100)} <span className="muted">({formatNanos(view.t1 - view.t0)} of {formatNanos(endNs)})</span>
      </span>
      <span className="muted tl-reading" role="status">
        {reading ? 'reading this window from the trace…' : ''}
      </span>
      <button type="button" className="btn small" onClick={() => onZoom(0.5)} aria-label="Zoom in" title="Zoom in (W)">
        +
      </button>
      <button type="button" className="btn small" onClick={() => onZoom(2)} aria-label="Zoom out" title="Zoom out (S)">
        −
      </button>
      <button type="button" className="btn small" onClick={onFit} title="Whole trace (F or double-click)">
        Fit
      </button>
      {range ? (
        <span className="tl-range" data-testid="timeline-range">
          Range {formatNanos(range.t0)} – {formatNanos(range.t1)} ({formatNanos(range.t1 - range.t0)})
          <button type="button" className="btn small" onClick={onZoomToRange}>
            Zoom to range
          </button>
          <button type="button" className="btn small" onClick={onClearRange} aria-label="Clear the range">
            ×
          </button>
        </span>
      ) : (
        <span className="muted hint">Shift+drag to select a range</span>
      )}
      <span className="tl-gquery">
        <label htmlFor={filterId}>Goroutines</label>
        <input
          id={filterId}
          type="search"
          className="input"
          placeholder="filter: id, start function or label (regex)"
          value={draft}
          aria-invalid={err ? true : undefined}
          title={err ?? 'A regular expression over "G <id> <start function> [<trace label>]"'}
          onChange={(e) => setDraft(e.target.value)}
        />
        <label htmlFor={sortId}>sorted by</label>
        <select id={sortId} className="input" value={query.sort} onChange={(e) => onQuery({ ...query, sort: e.target.value as GoroutineLaneSort })}>
          <option value="start">first run</option>
          <option value="blocked">blocked time</option>
          <option value="id">id</option>
        </select>
        <span className="muted" aria-live="polite">
          {thousands(total)} of {thousands(goroutines)}
        </span>
      </span>
    </div>
  );
}
