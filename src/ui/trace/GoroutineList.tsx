/** One group's goroutines: virtualised, sortable, each with its breakdown, creator and creation stack. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { formatNanos, thousands } from '../../state/format';
import type { FileId } from '../../worker/types';
import type { GoroutineSortKey, TraceGoroutineRow } from '../../worker/trace-api';
import { shortFuncName } from '../../model/go-names';
import { worker } from '../../state/worker';
import { visibleRange } from '../top/columns';
import { useElementSize } from '../shared/useElementSize';
import { usePagedRows } from '../shared/usePagedRows';
import { GOROUTINE_COLUMNS } from './columns';
import { BreakdownBar } from './BreakdownBar';
import { formatInstant } from './chart';
import { viewActions } from '../../state/view';
import { StackView, frameLine } from './StackView';

const ROW = 26;
const PAGE = 200;
const WIDTHS: Record<string, string> = {
  id: '92px', created: '92px', ended: '96px', creator: '150px', exec: '76px', sched: '76px', sync: '76px', total: '76px', breakdown: '100px', stack: 'auto',
};

function cell(r: TraceGoroutineRow, id: string) {
  switch (id) {
    case 'id':
      return <td key={id} className="num">{r.id}</td>;
    case 'created':
      return <td key={id} className="num">{formatInstant(r.creationNs)}</td>;
    case 'ended':
      return r.endNs === null ? <td key={id} className="num alive">alive at end</td> : <td key={id} className="num">{formatInstant(r.endNs)}</td>;
    case 'creator':
      return (
        <td key={id} title={r.creatorName ?? undefined}>
          {r.creator === null ? <span className="muted">before the trace</span> : <>
            {r.creator} <span className="muted">{r.creatorName ? shortFuncName(r.creatorName) : ''}</span>
          </>}
        </td>
      );
    case 'exec':
      return <td key={id} className="num">{formatNanos(r.times.execNs)}</td>;
    case 'sched':
      return <td key={id} className="num">{formatNanos(r.times.schedWaitNs)}</td>;
    case 'sync':
      return <td key={id} className="num">{formatNanos(r.times.blockSyncNs)}</td>;
    case 'total':
      return <td key={id} className="num">{formatNanos(r.times.totalNs)}</td>;
    case 'breakdown':
      return <td key={id}><BreakdownBar times={r.times} label={`Goroutine ${r.id}`} /></td>;
    default:
      return <td key={id} className="fn" title={r.creationStack.map((f) => f.func).join(' ← ')}>{frameLine(r.creationStack[0])}</td>;
  }
}

export function GoroutineList({ file, group }: { file: FileId; group: string }) {
  const [sort, setSort] = useState<GoroutineSortKey>('creationNs');
  const [descending, setDescending] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scroller, 30);
  const [scrollTop, setScrollTop] = useState(0);
  const base = useMemo(() => ({ file, group, sort, descending }), [file, group, sort, descending]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [base]);
  const known = useRef(0);
  const view = height || 320;
  const [first, last] = visibleRange(scrollTop, view, ROW, known.current || Math.ceil(view / ROW));
  const data = usePagedRows(base, [first, last], PAGE, (b, offset, limit) => worker().call('traceGoroutines', { ...b, offset, limit }));
  const rowCount = data.answer?.rowCount ?? 0;
  known.current = rowCount;
  const end = Math.min(last, rowCount);
  const sel = selected === null ? undefined : data.rowAt(selected);

  const sortBy = (key: GoroutineSortKey) => {
    if (key === sort) setDescending((d) => !d);
    else {
      setSort(key);
      setDescending(key !== 'id' && key !== 'creationNs');
    }
  };

  const rows = [];
  for (let i = first; i < end; i++) {
    const r = data.rowAt(i);
    rows.push(
      <tr
        key={i}
        aria-rowindex={i + 2}
        aria-selected={selected === i}
        tabIndex={0}
        onClick={() => setSelected(i)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            setSelected(i);
          }
        }}
      >
        {r ? GOROUTINE_COLUMNS.map((c) => cell(r, c.id)) : <td colSpan={GOROUTINE_COLUMNS.length} className="muted">…</td>}
      </tr>,
    );
  }

  return (
    <div className="tr-detail">
      <div
        className="tr-glist"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        style={{ height: Math.min(340, ROW * (Math.max(1, rowCount) + 1) + 4) }}
      >
        <table className="tr-table" aria-label={`Goroutines started at ${group || '(no stack)'}`} aria-rowcount={rowCount + 1}>
          <colgroup>
            {GOROUTINE_COLUMNS.map((c) => <col key={c.id} style={{ width: WIDTHS[c.id] }} />)}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {GOROUTINE_COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className={c.sort && c.id !== 'creator' ? 'num' : ''}
                  aria-sort={c.sort && c.sort === sort ? (descending ? 'descending' : 'ascending') : undefined}
                  title={c.title}
                >
                  {c.sort ? (
                    <button type="button" onClick={() => sortBy(c.sort!)}>
                      {c.label}
                      <span aria-hidden="true">{c.sort === sort ? (descending ? ' ▾' : ' ▴') : ''}</span>
                    </button>
                  ) : (
                    <span className="plain">{c.label}</span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW }} />}
            {rows}
            {end < rowCount && <tr aria-hidden="true" style={{ height: (rowCount - end) * ROW }} />}
          </tbody>
        </table>
      </div>
      {data.error && <p className="tr-error" role="alert">{data.error}</p>}
      <p className="hint muted">{data.loaded && data.answer ? `${thousands(rowCount)} goroutines · select one for its creation stack` : 'loading…'}</p>
      {sel && (
        <div aria-label={`Goroutine ${sel.id}`} role="region">
          <h3>
            Goroutine {sel.id} · created at {formatInstant(sel.creationNs)}
            {sel.creator !== null ? ` by goroutine ${sel.creator}${sel.creatorName ? ` (${sel.creatorName})` : ''}` : ' (existed before the trace)'}
            {sel.endNs === null ? ' · alive at end' : ` · ended at ${formatInstant(sel.endNs)}`}
          </h3>
          <button type="button" className="btn small" onClick={() => viewActions.showGoroutineLane(sel.id)}>
            Show on the timeline
          </button>
          <StackView frames={sel.creationStack} label={`Creation stack of goroutine ${sel.id}`} />
        </div>
      )}
    </div>
  );
}
