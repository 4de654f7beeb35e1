/**
 * Goroutines by stack: one row per stack group, sortable, filterable by text and state,
 * virtualised (only visible rows exist; pages come from the worker), rows expand to the
 * full stack with file:line.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { worker } from '../../state/worker';
import { useDebounced } from '../shared/useDebounced';
import { useElementSize } from '../shared/useElementSize';
import { usePagedRows } from '../shared/usePagedRows';
import type { FileId, Granularity } from '../../worker/types';
import type { FrameInfo, GroupRow, GroupSortKey, GoroutineOverview } from '../../worker/goroutine-api';
import { count, location, percent, plural, waitRange } from './format';
import { makeLayout, rowTop, scrollToShow, totalHeight, visibleRows, type Expansion } from './layout';
import { FRAME_LINE, FrameName, LabelChips, LeakedChip, SortHeader, StackFrames, StateChips } from './parts';
import { goroutineActions, naturalDesc, useGoroutineView } from './store';
import { visibleMarks } from '../../state/format';

const ROW_HEIGHT = 30;
const PAGE_SIZE = 100;
const HEADER_HEIGHT = 30;
const DETAIL_PAD = 14;

interface Column {
  id: GroupSortKey;
  label: string;
  title: string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { id: 'leaf', label: 'Blocked in', title: 'The innermost frame: where these goroutines are (click a row to see the whole stack)' },
  { id: 'topFrame', label: 'Top user frame', title: 'First frame outside the runtime and standard library' },
  { id: 'count', label: 'Goroutines', title: 'Goroutines with this stack', numeric: true },
  { id: 'percent', label: '% of all', title: 'Share of all goroutines in the snapshot', numeric: true },
  { id: 'state', label: 'States', title: 'Goroutine states, with counts' },
  { id: 'waitMax', label: 'Waiting', title: 'Minutes blocked, shortest to longest (debug=2 only; <1 means under a minute)', numeric: true },
  { id: 'createdBy', label: 'Created by', title: 'The go statement that started them (debug=2 only)' },
];

/** Shown after States when the file's goroutines carry pprof labels; not sortable. */
const LABELS_COLUMN = { label: 'Labels', title: 'pprof labels of these goroutines (string labels), with counts; the filter box matches them too' };

/** Lines in a row's detail block besides the frames. */
function extraLines(r: GroupRow): number {
  return (r.createdBy ? 1 : 0) + (r.exampleIds.length ? 1 : 0);
}

function detailHeight(r: GroupRow): number {
  return DETAIL_PAD + (Math.max(1, r.depth) + extraLines(r)) * FRAME_LINE;
}

interface Expanded extends Expansion {
  group: number;
}

export function GroupsTable({ file, granularity, overview }: { file: FileId; granularity: Granularity; overview: GoroutineOverview | null }) {
  const { sort, desc: descChoice, text: textInput, state } = useGoroutineView();
  const desc = descChoice ?? naturalDesc(sort);
  const text = useDebounced(textInput.trim(), 150);
  const scroller = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scroller, 30);
  const [scrollTop, setScrollTop] = useState(0);
  const [expanded, setExpanded] = useState<Map<number, Expanded>>(new Map());
  const [stacks, setStacks] = useState<Map<number, FrameInfo[] | string>>(new Map());
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  // A state the file does not have (another file's filter) is dropped.
  const states = overview?.states ?? [];
  const stateFilter = state && states.some((s) => s.state === state) ? state : null;

  const base = useMemo(
    () => ({ file, granularity, sort, desc, text: text || undefined, state: stateFilter }),
    [file, granularity, sort, desc, text, stateFilter],
  );

  // A new ordering starts at the top, collapsed; a new file or granularity has other groups.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
    setExpanded(new Map());
    setFocusIndex(null);
  }, [base]);
  useEffect(() => setStacks(new Map()), [file, granularity]);

  const knownCount = useRef(0);
  const viewport = height || 600;
  const layout = makeLayout(ROW_HEIGHT, knownCount.current || Math.ceil(viewport / ROW_HEIGHT), expanded.values());
  const [first, last] = visibleRows(layout, scrollTop, viewport);
  const data = usePagedRows(base, [first, last], PAGE_SIZE, (b, offset, limit) => worker().call('goroutineGroups', { ...b, offset, limit }));
  // Groups that match (the previous answer's count until the new one lands).
  const rowCount = data.answer?.matched ?? 0;
  knownCount.current = rowCount;

  const toggle = (i: number, r: GroupRow) => {
    setExpanded((m) => {
      const next = new Map(m);
      if (next.has(i)) next.delete(i);
      else next.set(i, { index: i, height: detailHeight(r), group: r.group });
      return next;
    });
    if (!stacks.has(r.group)) {
      worker()
        .call('goroutineStack', { file, granularity, group: r.group })
        .then(
          (a) => setStacks((m) => new Map(m).set(r.group, a.frames)),
          (e: unknown) => setStacks((m) => new Map(m).set(r.group, e instanceof Error ? e.message : String(e))),
        );
    }
  };

  // Keyboard: arrows move between rows (scrolling them into view), Enter/Space expand.
  const moveFocus = (to: number) => {
    if (rowCount === 0) return;
    const i = Math.max(0, Math.min(rowCount - 1, to));
    const el = scroller.current;
    // The header is sticky: rows are visible below it, in [scrollTop, scrollTop + height − header).
    if (el) el.scrollTop = scrollToShow(layout, i, el.scrollTop, el.clientHeight - HEADER_HEIGHT);
    setFocusIndex(i);
  };
  useEffect(() => {
    if (focusIndex === null) return;
    const b = scroller.current?.querySelector<HTMLButtonElement>(`button[data-row="${focusIndex}"]`);
    if (b && document.activeElement !== b) b.focus({ preventScroll: false });
  });
  const onKey = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const t = e.target as HTMLElement;
    const cur = Number(t.dataset.row ?? NaN);
    if (!Number.isFinite(cur)) return;
    const page = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
    const to =
      e.key === 'ArrowDown' ? cur + 1 : e.key === 'ArrowUp' ? cur - 1 : e.key === 'PageDown' ? cur + page : e.key === 'PageUp' ? cur - page : e.key === 'Home' ? 0 : e.key === 'End' ? rowCount - 1 : null;
    if (to === null) return;
    e.preventDefault();
    moveFocus(to);
  };

  const perGoroutine = overview?.perGoroutine ?? true;
  const labelled = overview?.labelled ?? false;
  const columnCount = COLUMNS.length + (labelled ? 1 : 0);
  const end = Math.min(last, rowCount);
  const body = [];
  for (let i = first; i < end; i++) {
    const r = data.rowAt(i);
    const open = expanded.get(i);
    if (!r) {
      body.push(
        <tr key={`r${i}`} aria-rowindex={i + 2} style={{ height: ROW_HEIGHT }}>
          <td colSpan={columnCount} className="loading-cell">…</td>
        </tr>,
      );
      continue;
    }
    const detailId = `g-detail-${i}`;
    body.push(
      <tr key={`r${i}`} aria-rowindex={i + 2} style={{ height: ROW_HEIGHT }} className={open ? 'g-open' : undefined} data-testid="group-row">
        <td className="g-name">
          <button
            type="button"
            className="g-expand"
            data-row={i}
            aria-expanded={!!open}
            aria-controls={open ? detailId : undefined}
            aria-label={`${open ? 'Hide' : 'Show'} the stack of ${plural(r.count, 'goroutine')} blocked in ${r.leaf?.func ?? 'an unknown frame'}`}
            tabIndex={focusIndex === null ? (i === first ? 0 : -1) : focusIndex === i ? 0 : -1}
            onClick={() => {
              setFocusIndex(i);
              toggle(i, r);
            }}
            onFocus={() => setFocusIndex(i)}
          >
            <span className="g-caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
            <FrameName frame={r.leaf} />
          </button>
        </td>
        <td className="g-name"><FrameName frame={r.topUserFrame} withLocation /></td>
        <td className="num g-count">{count(r.count)}</td>
        <td className="num">
          <span className="g-share" aria-hidden="true"><span style={{ width: `${Math.min(100, r.percent)}%` }} /></span>
          {percent(r.percent)}
        </td>
        <td>
          <span className="g-chips">
            <LeakedChip n={r.leaked} />
            {(r.states.length > 0 || r.leaked === 0) && <StateChips states={r.states} max={r.leaked > 0 ? 1 : 2} />}
          </span>
        </td>
        {labelled && <td><LabelChips labels={r.labels} kinds={r.labelKinds} /></td>}
        <td className="num">{waitRange(r.waitMin, r.waitMax)}</td>
        <td className="g-name"><FrameName frame={r.createdBy} withLocation /></td>
      </tr>,
    );
    if (open) {
      const st = stacks.get(r.group);
      body.push(
        <tr key={`d${i}`} className="g-detail" style={{ height: open.height }}>
          <td colSpan={columnCount} id={detailId}>
            {st === undefined ? (
              <p className="muted">Loading the stack…</p>
            ) : typeof st === 'string' ? (
              <p className="view-error" role="alert">{st}</p>
            ) : (
              <StackFrames frames={st} highlight={r.topUserFrame} label={`Stack of ${r.leaf?.func ?? 'group'}, innermost frame first`} />
            )}
            {r.createdBy && (
              <p className="g-detail-line" style={{ height: FRAME_LINE }}>
                <span className="muted">created by </span>
                <span className="g-func">{visibleMarks(r.createdBy.func)}</span>
                <span className="g-loc"> {location(r.createdBy, true)}</span>
              </p>
            )}
            {r.exampleIds.length > 0 && (
              <p className="g-detail-line muted" style={{ height: FRAME_LINE }}>
                e.g. goroutine{r.exampleIds.length === 1 ? '' : 's'} {r.exampleIds.map((id) => count(id)).join(', ')}
              </p>
            )}
          </td>
        </tr>,
      );
    }
  }

  const topSpace = rowTop(layout, first);
  const bottomSpace = Math.max(0, totalHeight(layout) - rowTop(layout, end));
  const filtered = !!(text || stateFilter);

  return (
    <div className="g-groups">
      <div className="g-bar" role="search" aria-label="Filter stack groups">
        <input
          id="goroutine-filter"
          type="search"
          className="input"
          placeholder="Filter by function or file  /"
          aria-label="Filter stacks by function or file"
          value={textInput}
          spellCheck={false}
          onChange={(e) => goroutineActions.setText(e.target.value)}
        />
        <select
          className="input"
          aria-label="Filter by state"
          value={stateFilter ?? ''}
          disabled={states.length === 0}
          title={states.length === 0 ? 'This encoding has no goroutine states (debug=2 dumps do)' : 'Only goroutines in this state'}
          onChange={(e) => goroutineActions.setState(e.target.value || null)}
        >
          <option value="">All states</option>
          {states.map((s) => (
            <option key={s.state} value={s.state}>
              {s.state} ({count(s.count)})
            </option>
          ))}
        </select>
        <span className="muted" aria-live="polite" data-testid="groups-status">
          {!data.loaded
            ? 'loading…'
            : filtered
              ? `${plural(rowCount, 'stack')}, ${plural(data.answer?.matchedGoroutines ?? 0, 'goroutine')} of ${count(data.answer?.total ?? 0)} match`
              : `${plural(rowCount, 'stack')}, ${plural(data.answer?.total ?? 0, 'goroutine')}`}
        </span>
        {!perGoroutine && (
          <span className="muted hint">No states, waits or created-by in this encoding: a debug=2 dump has them.</span>
        )}
      </div>
      {data.error && <p className="view-error" role="alert">Could not group the goroutines: {data.error}</p>}
      <div className="g-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table className={`g-table${labelled ? ' labelled' : ''}`} aria-label="Goroutines grouped by stack" aria-rowcount={rowCount + 1}>
          <colgroup>
            <col className="gc-leaf" />
            <col className="gc-top" />
            <col className="gc-count" />
            <col className="gc-pct" />
            <col className="gc-states" />
            {labelled && <col className="gc-labels" />}
            <col className="gc-wait" />
            <col className="gc-created" />
          </colgroup>
          <thead>
            <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
              {COLUMNS.map((c) => [
                <SortHeader key={c.id} id={c.id} label={c.label} title={c.title} numeric={c.numeric} active={sort} desc={desc} onSort={goroutineActions.sortBy} />,
                c.id === 'state' && labelled && (
                  <th key="labels" scope="col" title={LABELS_COLUMN.title}>
                    {LABELS_COLUMN.label}
                  </th>
                ),
              ])}
            </tr>
          </thead>
          <tbody onKeyDown={onKey}>
            {topSpace > 0 && <tr aria-hidden="true" style={{ height: topSpace }} />}
            {body}
            {bottomSpace > 0 && <tr aria-hidden="true" style={{ height: bottomSpace }} />}
          </tbody>
        </table>
        {data.loaded && rowCount === 0 && (
          <p className="view-empty">{filtered ? 'No stack matches these filters.' : 'No goroutines in this file.'}</p>
        )}
      </div>
    </div>
  );
}
