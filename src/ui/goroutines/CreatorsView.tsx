/** Who spawns them: goroutines grouped by their created-by site, then by where they are blocked. */
import { useEffect, useState } from 'react';
import type { FileId, Granularity } from '../../worker/types';
import { useWorkerCall } from '../shared/useWorkerCall';
import { count, location, percent, plural, stateTone } from './format';
import { FrameName, ShowMore } from './parts';

const STEP = 50;
const BLOCKED = 8;

export function CreatorsView({ file, granularity }: { file: FileId; granularity: Granularity }) {
  const [limit, setLimit] = useState(STEP);
  useEffect(() => setLimit(STEP), [file, granularity]);
  const call = useWorkerCall('goroutineCreators', { file, granularity, offset: 0, limit, blockedLimit: BLOCKED });
  const a = call.data;

  if (call.error) return <p className="view-error" role="alert">Could not group by creator: {call.error}</p>;
  if (!a) return <p className="view-empty">Grouping…</p>;
  return (
    <div className="g-creators">
      <p className="g-note">
        {a.hasCreatedBy
          ? 'Each group is one go statement (its “created by” site), split by the frame its goroutines are blocked in.'
          : 'This encoding has no “created by” lines, so goroutines are grouped by their start function (the outermost frame). A debug=2 dump names the go statement.'}
      </p>
      <table className="g-table g-creators-table" aria-label="Goroutines by creator">
        <colgroup>
          <col className="gc-creator" />
          <col className="gc-count" />
          <col className="gc-pct" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{a.hasCreatedBy ? 'Created by · blocked in' : 'Start function · blocked in'}</th>
            <th scope="col" className="num">Goroutines</th>
            <th scope="col" className="num">% of all</th>
          </tr>
        </thead>
        {a.rows.map((c, i) => (
          <tbody key={i} className="g-creator" data-testid="creator-group">
            <tr className="g-creator-head">
              <th scope="rowgroup" className="g-name">
                <span className="muted">{c.kind === 'created-by' ? 'created by ' : 'started in '}</span>
                <FrameName frame={c.creator} />
                {c.creator && <span className="g-loc"> {location(c.creator)}</span>}
              </th>
              <td className="num g-count">{count(c.count)}</td>
              <td className="num">{percent(c.percent)}</td>
            </tr>
            {c.blockedIn.map((b, j) => (
              <tr key={j} className="g-blocked">
                <td className="g-name">
                  <span className="g-indent" aria-hidden="true">└</span>
                  <span className="muted">blocked in </span>
                  <FrameName frame={b.leaf} withLocation />
                  {b.kind && <span className={`g-chip tone-${stateTone(b.kind)}`}>{b.kind}</span>}
                </td>
                <td className="num">{count(b.count)}</td>
                <td className="num muted">{percent(c.count > 0 ? (100 * b.count) / a.total : 0)}</td>
              </tr>
            ))}
            {c.moreBlocked > 0 && (
              <tr className="g-blocked">
                <td className="g-name muted">
                  <span className="g-indent" aria-hidden="true">└</span>
                  and {plural(c.moreBlocked, 'other place')}
                </td>
                <td className="num muted">{count(c.moreBlockedCount)}</td>
                <td />
              </tr>
            )}
          </tbody>
        ))}
      </table>
      <ShowMore shown={a.rows.length} total={a.rowCount} step={STEP} noun="creators" onMore={() => setLimit((l) => l + STEP)} />
    </div>
  );
}
