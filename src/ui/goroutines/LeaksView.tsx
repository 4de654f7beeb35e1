/** Leak suspects: a short ranked list, each with its reasons in words and the known shape it matches. */
import type { FileId, Granularity } from '../../worker/types';
import type { LeakSuspect } from '../../worker/goroutine-api';
import { useWorkerCall } from '../shared/useWorkerCall';
import { count, frameTitle, location, percent, signed } from './format';
import { FrameName } from './parts';
import { visibleMarks } from '../../state/format';

export function LeaksView({
  file,
  granularity,
  previous,
  previousName,
  onShowStacks,
}: {
  file: FileId;
  granularity: Granularity;
  previous: FileId | null;
  previousName: string | null;
  onShowStacks: (func: string) => void;
}) {
  const call = useWorkerCall('goroutineLeaks', { file, granularity, previous, limit: 5 });
  const a = call.data;
  if (call.error) return <p className="view-error" role="alert">Could not rank leak suspects: {call.error}</p>;
  if (!a) return <p className="view-empty">Ranking…</p>;
  return (
    <div className="g-leaks">
      <p className="g-note">
        {previous !== null && previousName
          ? <>Growth is measured against the earlier snapshot <strong>{previousName}</strong>.</>
          : 'Only this snapshot is open: suspects are ranked by size, long waits and how they block. Open an earlier snapshot to see what grew.'}
      </p>
      {a.suspects.length === 0 ? (
        <p className="view-empty" role="status">No stack looks like a leak: nothing grew, waited long or matched a known leak shape.</p>
      ) : (
        <ol className="g-suspects" aria-label="Leak suspects, most likely first">
          {a.suspects.map((s, i) => (
            <Suspect key={s.key} s={s} rank={i + 1} total={a.total} onShowStacks={onShowStacks} />
          ))}
        </ol>
      )}
    </div>
  );
}

function Suspect({ s, rank, total, onShowStacks }: { s: LeakSuspect; rank: number; total: number; onShowStacks: (func: string) => void }) {
  const name = s.topUserFrame ?? s.leaf;
  const headingId = `g-suspect-${rank}`;
  return (
    <li className="g-suspect" aria-labelledby={headingId} data-testid="leak-suspect">
      <div className="g-suspect-head">
        <span className="g-rank" aria-hidden="true">{rank}</span>
        <h3 id={headingId} title={frameTitle(name)}>
          <FrameName frame={name} />
          {name && <span className="g-loc"> {location(name)}</span>}
        </h3>
        <span className="g-suspect-count">
          {count(s.count)} goroutines ({percent(total > 0 ? (100 * s.count) / total : 0)})
          {s.delta !== null && <span className={s.delta > 0 ? 'g-grew' : 'muted'}> {signed(s.delta)}</span>}
        </span>
      </div>
      {s.shape && (
        <div className="g-shape" role="note" aria-label={`Known leak shape: ${s.shape.title}`}>
          <strong>Looks like: {s.shape.title}.</strong> {s.shape.advice}
        </div>
      )}
      <ul className="g-reasons" aria-label="Why it is a suspect">
        {s.reasons.filter((r) => !r.startsWith('looks like:')).map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      {s.leaf && s.topUserFrame && s.leaf.func !== s.topUserFrame.func && (
        <p className="g-sub">Blocked in {visibleMarks(s.leaf.func)}</p>
      )}
      {name && (
        <button type="button" className="btn small" onClick={() => onShowStacks(name.func)}>
          Show in stacks
        </button>
      )}
    </li>
  );
}
