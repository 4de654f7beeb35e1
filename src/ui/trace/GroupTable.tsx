/**
 * Goroutine analysis: goroutines grouped by start function with count and time breakdown
 * (total or mean per goroutine), sortable by any column. A group opens to its goroutines,
 * the profiles of that group, and where its goroutines blocked.
 */
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useView, viewActions } from '../../state/view';
import { formatNanos, thousands } from '../../state/format';
import type { FileId } from '../../worker/types';
import type { GoroutineGroup } from '../../worker/trace-api';
import { shortFuncName } from '../../model/go-names';
import { useWorkerCall } from '../shared/useWorkerCall';
import { BreakdownBar, BreakdownLegend } from './BreakdownBar';
import { GROUP_COLUMNS, defaultDescending, groupValue, sortGroups, type Aggregate, type GroupColumnId } from './columns';
import { GoroutineList } from './GoroutineList';
import { ProfileButtons } from './ProfileButtons';

const WIDTH: Partial<Record<GroupColumnId, number>> = { count: 84, alive: 62 };
const NUM_WIDTH = 66;
const BAR_WIDTH = 76;

function groupLabel(name: string): string {
  return name ? shortFuncName(name) : '(no stack seen)';
}

function BlockReasons({ file, group }: { file: FileId; group: string }) {
  // The first page of the list carries the group's block reasons; ask for them alone here.
  const r = useWorkerCall('traceGoroutines', { file, group, sort: 'id', descending: false, offset: 0, limit: 0 });
  const reasons = r.data?.blockReasons ?? [];
  if (reasons.length === 0) return null;
  return (
    <ul className="tr-reasons" aria-label="Time blocked, by reason">
      <li><span>Blocked on:</span></li>
      {reasons.slice(0, 8).map((x) => (
        <li key={x.reason}>
          {x.reason || 'unspecified'} <span>{formatNanos(x.ns)}</span>
        </li>
      ))}
    </ul>
  );
}

function GroupDetail({ file, g, agg }: { file: FileId; g: GoroutineGroup; agg: Aggregate }) {
  return (
    <div className="tr-detail">
      <div className="tr-detail-head">
        <span className="full">{g.name || '(no stack seen)'}</span>
        <span className="muted">
          {thousands(g.count)} goroutine{g.count === 1 ? '' : 's'}, {thousands(g.alive)} alive at end · mean execution {formatNanos(g.mean.execNs)}, mean lifetime {formatNanos(g.mean.totalNs)}
        </span>
      </div>
      <BreakdownBar times={agg === 'total' ? g.total : g.mean} label={`Time breakdown of ${g.name || 'this group'}`} />
      <BlockReasons file={file} group={g.name} />
      <ProfileButtons file={file} group={g.name} label={`Profiles of the goroutines started at ${groupLabel(g.name)}`} />
      <GoroutineList file={file} group={g.name} />
    </div>
  );
}

export function GroupTable({ file, groups }: { file: FileId; groups: GoroutineGroup[] }) {
  const [sort, setSort] = useState<GroupColumnId>('count');
  const [descending, setDescending] = useState(true);
  const [agg, setAgg] = useState<Aggregate>('total');
  const open = useView((s) => s.traceGroup);
  const setOpen = viewActions.setTraceGroup;
  // A group opened from elsewhere (the timeline) is brought into view.
  const table = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (open === null) return;
    const row = [...(table.current?.querySelectorAll('tr[data-group]') ?? [])].find((r) => r.getAttribute('data-group') === open);
    row?.scrollIntoView({ block: 'nearest' });
  }, [open]);
  const sorted = useMemo(() => sortGroups(groups, sort, descending, agg), [groups, sort, descending, agg]);
  const sortBy = (id: GroupColumnId) => {
    if (id === sort) setDescending((d) => !d);
    else {
      setSort(id);
      setDescending(defaultDescending(id));
    }
  };
  const head = GROUP_COLUMNS.slice(0, 3);
  const rest = GROUP_COLUMNS.slice(3);
  const colCount = GROUP_COLUMNS.length + 1;

  const th = (c: (typeof GROUP_COLUMNS)[number]) => (
    <th key={c.id} scope="col" className={c.numeric ? 'num' : ''} aria-sort={sort === c.id ? (descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" title={`${c.title}. Click to sort.`} onClick={() => sortBy(c.id)} data-col={c.id}>
        {c.label}
        <span aria-hidden="true">{sort === c.id ? (descending ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );
  const num = (v: number, time: boolean) => (
    <td className={`num${v === 0 ? ' zero' : ''}`}>{time ? (v === 0 ? '0' : formatNanos(v)) : thousands(v)}</td>
  );

  return (
    <>
      <div className="tr-table-head">
        <div className="tr-seg" role="radiogroup" aria-label="Times shown">
          {(['total', 'mean'] as const).map((a) => (
            <button key={a} type="button" role="radio" aria-checked={agg === a} onClick={() => setAgg(a)}>
              {a === 'total' ? 'Total per group' : 'Mean per goroutine'}
            </button>
          ))}
        </div>
        <BreakdownLegend />
      </div>
      <div className="tr-table-wrap">
        <table ref={table} className="tr-table tr-groups" aria-label="Goroutine analysis" data-testid="group-table">
          <colgroup>
            <col />
            {head.slice(1).map((c) => <col key={c.id} style={{ width: WIDTH[c.id] }} />)}
            <col style={{ width: BAR_WIDTH }} />
            {rest.map((c) => <col key={c.id} style={{ width: NUM_WIDTH }} />)}
          </colgroup>
          <thead>
            <tr>
              {head.map(th)}
              <th scope="col"><span className="plain" title="Where the time went (see the colours above)">Split</span></th>
              {rest.map(th)}
            </tr>
          </thead>
          <tbody>
            {sorted.map((g) => {
              const isOpen = open === g.name;
              const detailId = `tr-group-${encodeURIComponent(g.name)}`;
              return (
                <Fragment key={g.name}>
                  <tr className={isOpen ? 'open' : ''} data-group={g.name}>
                    <td className="fn" title={g.name}>
                      <button
                        type="button"
                        className="expand"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? detailId : undefined}
                        onClick={() => setOpen(isOpen ? null : g.name)}
                      >
                        <span className="chev" aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                        <span className="label">{groupLabel(g.name)}</span>
                      </button>
                    </td>
                    {num(g.count, false)}
                    <td className={`num${g.alive === 0 ? ' zero' : ''}`}>
                      <span className={`alive${g.alive === g.count && g.count >= 100 ? ' all' : ''}`}>{thousands(g.alive)}</span>
                    </td>
                    <td><BreakdownBar times={agg === 'total' ? g.total : g.mean} label={groupLabel(g.name)} /></td>
                    {rest.map((c) => <Fragment key={c.id}>{num(groupValue(g, c.id, agg), true)}</Fragment>)}
                  </tr>
                  {isOpen && (
                    <tr className="detail" id={detailId}>
                      <td colSpan={colCount}>
                        <GroupDetail file={file} g={g} agg={agg} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
