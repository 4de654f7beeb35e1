/** The top table: pprof's flat/cum columns, sortable, filterable, virtualised. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useDebounced } from '../shared/useDebounced';
import { useElementSize } from '../shared/useElementSize';
import { usePagedRows } from '../shared/usePagedRows';
import { worker } from '../../state/worker';
import { viewActions } from '../../state/view';
import { escapeRegex } from '../../analysis/transforms/regex';
import { inlineMarkText } from '../../analysis/calltree/inline-marks';
import { thousands, visibleMarks } from '../../state/format';
import { COLUMNS, visibleRange } from './columns';
import { FrameMenu, type MenuTarget } from '../shared/FrameMenu';

const ROW_HEIGHT = 24;
const PAGE_SIZE = 200;

export function TopView({ current }: { current: CurrentProfile }) {
  const [sortCol, setSortCol] = useState('flat');
  const [descending, setDescending] = useState(true);
  const [filterText, setFilterText] = useState('');
  const filter = useDebounced(filterText.trim(), 150);
  const scroller = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scroller, 30);
  const [scrollTop, setScrollTop] = useState(0);
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  const col = COLUMNS.find((c) => c.id === sortCol) ?? COLUMNS[0]!;
  const base = useMemo(
    () => ({ file: current.file.id, ...current.options, sort: col.sort, descending, filter: filter || undefined }),
    // current.options is rebuilt each render; its content is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current.file.id, JSON.stringify(current.options), col.sort, descending, filter],
  );

  // A new ordering starts at the top.
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
    setScrollTop(0);
  }, [base]);

  const guessCount = Math.max(1, Math.ceil((height || 600) / ROW_HEIGHT));
  // The row count is known from the previous answer; before any, assume one screenful.
  const knownCount = useRef(0);
  const [first, last] = visibleRange(scrollTop, height || 600, ROW_HEIGHT, knownCount.current || guessCount);
  const data = usePagedRows(base, [first, last], PAGE_SIZE, (b, offset, limit) => worker().call('top', { ...b, offset, limit }));
  // Until the new request answers, the old row count stands, so the scrollbar does not jump.
  const rowCount = data.answer?.rowCount ?? 0;
  const total = data.answer?.total ?? 0;
  const unit = data.answer?.unit ?? '';
  knownCount.current = rowCount;

  const sortBy = (id: string) => {
    const c = COLUMNS.find((x) => x.id === id)!;
    if (id === sortCol) setDescending((d) => !d);
    else {
      setSortCol(id);
      setDescending(c.sort !== 'name');
    }
  };

  const end = Math.min(last, rowCount);
  const rows = [];
  for (let i = first; i < end; i++) {
    const r = data.rowAt(i);
    rows.push(
      <tr key={i} aria-rowindex={i + 2} style={{ height: ROW_HEIGHT }}>
        {r ? (
          COLUMNS.map((c) =>
            c.id === 'name' ? (
              <td key={c.id} className="name-cell">
                <button
                  type="button"
                  className="link peek-link"
                  // The row names the function; a name holding it would also match searches for the name.
                  aria-label="Callers and callees"
                  title={`Callers and callees of ${r.name}`}
                  onClick={() => viewActions.showSandwich(r.name)}
                />
                <button
                  type="button"
                  className="link more-link"
                  aria-label="More actions"
                  aria-haspopup="menu"
                  title={`Transforms on ${r.name}`}
                  onClick={(e) => {
                    const box = e.currentTarget.getBoundingClientRect();
                    setMenu({ name: r.name, x: box.left, y: box.bottom });
                  }}
                />
                <button
                  type="button"
                  className="link"
                  title={`Focus on ${visibleMarks(r.name)}${r.file ? ` (${visibleMarks(r.file)})` : ''}${r.inline ? `. ${inlineMarkText(r.inline)}.` : ''}`}
                  onClick={() => viewActions.setTransform({ kind: 'focus', pattern: `^${escapeRegex(r.name)}$` })}
                >
                  {visibleMarks(r.name)}
                </button>
                {r.inline && (
                  <span className="inline-mark muted" title={inlineMarkText(r.inline)}>
                    {` (${r.inline})`}
                  </span>
                )}
              </td>
            ) : (
              <td key={c.id} className="num">{c.cell(r, total, unit)}</td>
            ),
          )
        ) : (
          <td colSpan={COLUMNS.length} className="loading-cell">…</td>
        )}
      </tr>,
    );
  }

  return (
    <div className="top-view">
      <div className="top-bar">
        <input
          id="top-filter"
          type="search"
          className="input"
          placeholder="Filter functions  /"
          aria-label="Filter functions"
          value={filterText}
          spellCheck={false}
          onChange={(e) => setFilterText(e.target.value)}
        />
        <span className="muted" aria-live="polite">
          {data.loaded ? `${thousands(rowCount)} function${rowCount === 1 ? '' : 's'}` : 'loading…'}
        </span>
        <span className="muted hint">Click a name to focus on it, ⇅ for its callers and callees, ⋯ for transforms</span>
      </div>
      {data.error && <p className="view-error" role="alert">Could not build the table: {data.error}</p>}
      {menu && <FrameMenu target={menu} onClose={closeMenu} />}
      <div className="top-scroll" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <table className="top-table" aria-label="Top functions" aria-rowcount={rowCount + 1}>
          <colgroup>
            {COLUMNS.map((c) => <col key={c.id} className={`col-${c.id}`} />)}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className={c.numeric ? 'num' : ''}
                  aria-sort={c.id === sortCol ? (descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button type="button" title={`${c.title}. Click to sort.`} onClick={() => sortBy(c.id)}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">{c.id === sortCol ? (descending ? ' ▾' : ' ▴') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
            {rows}
            {end < rowCount && <tr aria-hidden="true" style={{ height: (rowCount - end) * ROW_HEIGHT }} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
