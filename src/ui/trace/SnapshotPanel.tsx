/**
 * The goroutines at one instant of the trace (state, where blocked, how many per stack),
 * and what changed between two instants.
 */
import { Fragment, useState } from 'react';
import { formatNanos, thousands } from '../../state/format';
import type { FileId } from '../../worker/types';
import type { SnapshotAnswer, SnapshotDeltaAnswer } from '../../worker/trace-api';
import { shortFuncName } from '../../model/go-names';
import { useWorkerCall, type CallState } from '../shared/useWorkerCall';
import { formatInstant } from './chart';
import { openSnapshotProfile } from './derived';
import { StackView, whereLine } from './StackView';

const LIMIT = 150;

function StateChips({ counts }: { counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return (
    <ul className="tr-states" aria-label="Goroutines by state">
      {entries.map(([s, n]) => (
        <li key={s}>
          {s} <b>{thousands(n)}</b>
        </li>
      ))}
    </ul>
  );
}

function statesText(states: Record<string, number>): string {
  return Object.entries(states)
    .sort((a, b) => b[1] - a[1])
    .map(([s, n]) => (Object.keys(states).length > 1 ? `${s} ×${thousands(n)}` : s))
    .join(', ');
}

function SnapshotTable({ snap }: { snap: SnapshotAnswer }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="tr-table-wrap">
      <table className="tr-table" aria-label={`Goroutines at ${formatInstant(snap.timeNs)}, by stack`} data-testid="snapshot-table">
        <colgroup>
          <col style={{ width: 84 }} />
          <col style={{ width: '22%' }} />
          <col />
          <col style={{ width: '24%' }} />
          <col style={{ width: 128 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="num"><span className="plain">Goroutines</span></th>
            <th scope="col"><span className="plain">State</span></th>
            <th scope="col"><span className="plain" title="Innermost frame, then (←) the first caller outside the runtime. Open a row for the whole stack.">Where</span></th>
            <th scope="col"><span className="plain">Started at</span></th>
            <th scope="col" className="num"><span className="plain" title="The longest any of them had been in its state">Longest in state</span></th>
          </tr>
        </thead>
        <tbody>
          {snap.stacks.map((s, i) => {
            const isOpen = open === i;
            return (
              <Fragment key={i}>
                <tr className={isOpen ? 'open' : ''}>
                  <td className="num">{thousands(s.count)}</td>
                  <td title={statesText(s.states)}>{statesText(s.states)}</td>
                  <td className="fn" title={s.frames.map((f) => f.func).join(' ← ')}>
                    <button type="button" className="expand" aria-expanded={isOpen} onClick={() => setOpen(isOpen ? null : i)}>
                      <span className="chev" aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
                      <span className="label">{whereLine(s.frames)}</span>
                    </button>
                  </td>
                  <td className="fn" title={s.startFuncs.join(', ')}>{s.startFuncs.map((n) => (n ? shortFuncName(n) : '(no stack)')).join(', ')}</td>
                  <td className="num">{formatNanos(s.longestNs)}</td>
                </tr>
                {isOpen && (
                  <tr className="detail">
                    <td colSpan={5}>
                      <StackView frames={s.frames} label="Stack" />
                      <p className="muted">
                        Goroutine{s.ids.length === 1 ? '' : 's'} {s.ids.join(', ')}
                        {s.count > s.ids.length ? ` and ${thousands(s.count - s.ids.length)} more` : ''}
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
      {snap.stackCount > snap.stacks.length && (
        <p className="muted">Showing the {thousands(snap.stacks.length)} biggest of {thousands(snap.stackCount)} stacks.</p>
      )}
    </div>
  );
}

function DeltaTable({ d }: { d: SnapshotDeltaAnswer }) {
  if (d.rows.length === 0) return <p className="tr-empty">No stack changed its goroutine count between A and B.</p>;
  return (
    <div className="tr-table-wrap">
      <table className="tr-table" aria-label="Goroutines per stack, change from A to B" data-testid="snapshot-delta">
        <colgroup>
          <col style={{ width: 90 }} />
          <col style={{ width: 84 }} />
          <col style={{ width: 84 }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="num"><span className="plain">Change</span></th>
            <th scope="col" className="num"><span className="plain">At A</span></th>
            <th scope="col" className="num"><span className="plain">At B</span></th>
            <th scope="col"><span className="plain" title="Innermost frame, then (←) the first caller outside the runtime">Where</span></th>
          </tr>
        </thead>
        <tbody>
          {d.rows.map((r, i) => {
            const delta = r.after - r.before;
            return (
              <tr key={i}>
                <td className={`num ${delta > 0 ? 'delta-up' : 'delta-down'}`}>{delta > 0 ? '+' : '−'}{thousands(Math.abs(delta))}</td>
                <td className="num">{thousands(r.before)}</td>
                <td className="num">{thousands(r.after)}</td>
                <td className="fn" title={r.frames.map((f) => `${f.func} ${f.file}:${f.line}`).join('\n')}>{whereLine(r.frames)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {d.rowCount > d.rows.length && <p className="muted">Showing the {thousands(d.rows.length)} biggest changes of {thousands(d.rowCount)}.</p>}
    </div>
  );
}

/**
 * How far the replay up to `aNs` has come. It stops at the instant, so its share of the
 * file is estimated by the instant's share of the trace's duration.
 */
function ReplayProgress({ p, aNs, durationNs }: { p: CallState<unknown>['progress']; aNs: number; durationNs: number }) {
  const share = durationNs > 0 ? Math.max(0.01, Math.min(1, aNs / durationNs)) : 1;
  const value = p && p.total > 0 ? Math.min(1, p.done / (p.total * share)) : 0;
  return <progress className="tr-progress" max={1} value={value} aria-label={`Replaying the trace up to ${formatInstant(aNs)}`} />;
}

export function SnapshotPanel({ file, aNs, bNs, durationNs }: { file: FileId; aNs: number; bNs: number | null; durationNs: number }) {
  const snap = useWorkerCall('traceSnapshot', { file, timeNs: aNs, limit: LIMIT });
  const delta = useWorkerCall('traceSnapshotDelta', bNs === null ? null : { file, aNs, bNs, limit: LIMIT });
  const [err, setErr] = useState<string | null>(null);
  const openProfiles = async () => {
    setErr(null);
    try {
      if (bNs === null) await openSnapshotProfile({ file, timeNs: aNs });
      else {
        await openSnapshotProfile({ file, timeNs: aNs }, false);
        await openSnapshotProfile({ file, timeNs: bNs });
      }
    } catch (e) {
      setErr(e instanceof Error ? e.message : String(e));
    }
  };
  const s = snap.data;
  return (
    <div aria-busy={snap.loading || delta.loading}>
      {snap.error && <p className="tr-error" role="alert">Could not take the snapshot: {snap.error}</p>}
      {!s && snap.loading && <p className="tr-empty" role="status">Replaying the trace up to {formatInstant(aNs)}…</p>}
      {snap.loading && <ReplayProgress p={snap.progress} aNs={aNs} durationNs={durationNs} />}
      {s && (
        <>
          <div className="tr-table-head">
            <span>
              <b>{thousands(s.total)}</b> goroutines at <b>{formatInstant(s.timeNs)}</b>
              {snap.loading && <span className="muted"> · updating…</span>}
            </span>
            <button type="button" className="btn small" onClick={() => void openProfiles()} title="As goroutine profiles (count per stack): flame graph, top, and Compare work on them">
              {bNs === null ? 'Open as goroutine profile' : 'Open A and B as goroutine profiles'}
            </button>
          </div>
          <StateChips counts={s.countsByState} />
          {bNs !== null && (
            <>
              <h3>
                Change from A ({formatInstant(delta.data?.aNs ?? aNs)}, {thousands(delta.data?.totalA ?? 0)}) to B ({formatInstant(delta.data?.bNs ?? bNs)}, {thousands(delta.data?.totalB ?? 0)})
              </h3>
              {delta.error && <p className="tr-error" role="alert">{delta.error}</p>}
              {delta.data ? <DeltaTable d={delta.data} /> : <p className="tr-empty">Replaying the trace…</p>}
              <h3>Goroutines at A, by stack</h3>
            </>
          )}
          <SnapshotTable snap={s} />
        </>
      )}
      {err && <p className="tr-error" role="alert">{err}</p>}
    </div>
  );
}
