/**
 * The diff table: before, after, delta and delta % for flat and cum, biggest growth
 * first; sortable by any column; functions that are new in the target are flagged.
 */
import { useState } from 'react';
import type { WorkerClient } from '../../worker/client';
import type { DiffRequest, DiffSortKey, DiffTopRow } from '../../worker/compare-api';
import { formatValue, visibleMarks } from '../../state/format';
import { formatDelta, formatDeltaPercent } from './format';
import { useCall } from '../shared/useWorkerCall';
import { DiffSandwich } from '../sandwich/DiffSandwich';
import type { Palette } from './diff-colour';

interface Column {
  id: string;
  label: string;
  sort: DiffSortKey;
  get: (r: DiffTopRow, unit: string) => string;
  numeric: boolean;
  /** For change columns: the sign that colours the cell. */
  sign?: (r: DiffTopRow) => number;
}

const COLUMNS: Column[] = [
  { id: 'flatBefore', label: 'flat before', sort: 'flatBefore', numeric: true, get: (r, u) => formatValue(r.flatBefore, u) },
  { id: 'flatAfter', label: 'flat after', sort: 'flatAfter', numeric: true, get: (r, u) => formatValue(r.flatAfter, u) },
  { id: 'flatDelta', label: 'flat Δ', sort: 'growth', numeric: true, get: (r, u) => formatDelta(r.flatDelta, u), sign: (r) => r.flatDelta },
  { id: 'flatPct', label: 'flat Δ%', sort: 'growth', numeric: true, get: (r) => formatDeltaPercent(r.flatPercent), sign: (r) => r.flatDelta },
  { id: 'cumBefore', label: 'cum before', sort: 'cumBefore', numeric: true, get: (r, u) => formatValue(r.cumBefore, u) },
  { id: 'cumAfter', label: 'cum after', sort: 'cumAfter', numeric: true, get: (r, u) => formatValue(r.cumAfter, u) },
  { id: 'cumDelta', label: 'cum Δ', sort: 'cumGrowth', numeric: true, get: (r, u) => formatDelta(r.cumDelta, u), sign: (r) => r.cumDelta },
  { id: 'cumPct', label: 'cum Δ%', sort: 'cumGrowth', numeric: true, get: (r) => formatDeltaPercent(r.cumPercent), sign: (r) => r.cumDelta },
];

const PAGE = 200;

const signClass = (v: number) => (v > 0 ? ' pos' : v < 0 ? ' neg' : '');

interface Props {
  client: WorkerClient;
  request: DiffRequest | null;
  onPick: (name: string) => void;
  /** How the callers and callees of a row draw: the diff flame graph's palette and meaning. */
  sandwich: { palette: Palette; dark: boolean; percentLabel: string };
}

export function DiffTable({ client, request, onPick, sandwich }: Props) {
  const [sortCol, setSortCol] = useState('flatDelta');
  const [descending, setDescending] = useState(true);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [peekName, setPeekName] = useState<string | null>(null);
  const sort: DiffSortKey = sortCol === 'name' ? 'name' : (COLUMNS.find((c) => c.id === sortCol)?.sort ?? 'growth');
  const top = useCall(client, 'diffTop', request ? { ...request, sort, descending, filter: filter.trim() || undefined, offset: 0, limit } : null);
  const data = top.data;

  const sortBy = (id: string) => {
    if (id === sortCol) setDescending((d) => !d);
    else {
      setSortCol(id);
      setDescending(id !== 'name');
    }
    setLimit(PAGE);
  };
  const ariaSort = (id: string) => (id === sortCol ? (descending ? 'descending' : 'ascending') : 'none');
  const header = (id: string, label: string, numeric: boolean) => (
    <th key={id} scope="col" aria-sort={ariaSort(id)} className={numeric ? 'num' : ''}>
      <button type="button" className="th-sort" onClick={() => sortBy(id)}>
        {label}
        {id === sortCol ? (descending ? ' ▾' : ' ▴') : ''}
      </button>
    </th>
  );

  return (
    <section className="compare-table" aria-label="Biggest changes by function">
      <div className="compare-table-bar">
        <input
          type="search"
          placeholder="Filter functions…"
          aria-label="Filter diff table by function name"
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setLimit(PAGE);
          }}
        />
        {data && <span className="muted">{data.rowCount.toLocaleString()} functions</span>}
        {top.loading && (
          <span className="muted" role="status">
            {data ? 'updating…' : 'comparing every function of both profiles…'}
          </span>
        )}
      </div>
      {top.error && <p className="view-error" role="alert">{top.error}</p>}
      {request && peekName && <DiffSandwich client={client} request={{ ...request, name: peekName }} {...sandwich} onPick={setPeekName} onClose={() => setPeekName(null)} />}
      <div className="compare-table-scroll">
        <table data-testid="diff-table" aria-busy={top.loading}>
          <thead>
            <tr>
              {header('name', 'function', false)}
              {COLUMNS.map((c) => header(c.id, c.label, c.numeric))}
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.name} data-status={r.status}>
                <th scope="row" className="fn">
                  <button type="button" className="fn-name" title={`${visibleMarks(r.name)}${r.file ? `\n${visibleMarks(r.file)}` : ''}\nClick to highlight in the flame graphs`} onClick={() => onPick(r.name)}>
                    {visibleMarks(r.name)}
                  </button>
                  <button type="button" className="link peek-link" aria-label="Callers and callees" title={`Callers and callees of ${r.name}, before and after`} onClick={() => setPeekName(r.name)} />
                  {r.status === 'new' && <span className="badge badge-new">new</span>}
                  {r.status === 'gone' && <span className="badge badge-gone">removed</span>}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c.id} className={`num${signClass(c.sign?.(r) ?? 0)}`}>{c.get(r, data.unit)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && data.rowCount > data.rows.length && (
        <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
          Show {Math.min(PAGE, data.rowCount - data.rows.length)} more
        </button>
      )}
    </section>
  );
}
