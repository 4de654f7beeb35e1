/** User tasks and regions (runtime/trace.NewTask, WithRegion) with their durations. */
import { formatNanos, thousands, visibleMarks } from '../../state/format';
import type { DurationStats, TraceTasksAnswer } from '../../worker/trace-api';

function StatsTable({ rows, label }: { rows: DurationStats[]; label: string }) {
  const cols = ['Count', 'Complete', 'Min', 'Median', 'p90', 'Max', 'Total'];
  return (
    <div className="tr-table-wrap">
      <table className="tr-table" aria-label={label}>
        <colgroup>
          <col />
          {cols.map((c) => <col key={c} style={{ width: 84 }} />)}
        </colgroup>
        <thead>
          <tr>
            <th scope="col"><span className="plain">Name</span></th>
            {cols.map((c) => (
              <th key={c} scope="col" className="num"><span className="plain">{c}</span></th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const d = (v: number) => (r.complete > 0 ? formatNanos(v) : '—');
            return (
              <tr key={r.name}>
                <td className="fn" title={visibleMarks(r.name)}>{visibleMarks(r.name)}</td>
                <td className="num">{thousands(r.count)}</td>
                <td className="num">{thousands(r.complete)}</td>
                <td className="num">{d(r.min)}</td>
                <td className="num">{d(r.median)}</td>
                <td className="num">{d(r.p90)}</td>
                <td className="num">{d(r.max)}</td>
                <td className="num">{d(r.total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function TasksPanel({ data }: { data: TraceTasksAnswer }) {
  if (data.tasks.length === 0 && data.regions.length === 0) {
    return <p className="tr-empty">No user tasks or regions in this trace (they come from runtime/trace.NewTask and trace.WithRegion).</p>;
  }
  return (
    <div className="tr-grid2">
      {data.tasks.length > 0 && (
        <div>
          <h3>Tasks</h3>
          <StatsTable rows={data.tasks} label="User tasks by name, with durations of the completed ones" />
        </div>
      )}
      {data.regions.length > 0 && (
        <div>
          <h3>Regions</h3>
          <StatsTable rows={data.regions} label="User regions by name, with durations of the completed ones" />
        </div>
      )}
    </div>
  );
}
