/** The clicked slice in words: goroutine, state, times, stacks, and who made it runnable. Text only. */
import { formatNanos, thousands } from '../../state/format';
import type { SliceDetail } from '../../worker/timeline-api';
import { StackView } from '../trace/StackView';
import { viewActions } from '../../state/view';

export function SliceDetails({ detail }: { detail: SliceDetail | null }) {
  if (!detail) return <p className="muted tl-hint">Click a slice on a P or goroutine lane for its goroutine, stacks and what woke it.</p>;
  const d = detail;
  const by = d.madeRunnable?.by;
  return (
    <section className="tl-detail" aria-label="Selected slice" aria-live="polite" data-testid="slice-details">
      <h3>{d.goroutine.label}</h3>
      <dl>
        <dt>State</dt>
        <dd>
          {d.state}
          {d.reason && ` (${d.reason})`}
        </dd>
        <dt>Start</dt>
        <dd>{formatNanos(d.startNs)}</dd>
        <dt>Duration</dt>
        <dd>
          {formatNanos(d.endNs - d.startNs)} <span className="muted">({thousands(d.endNs - d.startNs)} ns)</span>
        </dd>
        {d.madeRunnable && (
          <>
            <dt>Made runnable</dt>
            <dd>
              at {formatNanos(d.madeRunnable.atNs)}
              {by ? (
                <>
                  {' '}by{' '}
                  <button type="button" className="link" onClick={() => viewActions.showGoroutineLane(by.id)} title="Show that goroutine's lane">
                    {by.label}
                  </button>
                </>
              ) : (
                ' (not by another goroutine)'
              )}
            </dd>
          </>
        )}
      </dl>
      <div className="tl-actions">
        <button type="button" className="btn small" onClick={() => viewActions.showGoroutineLane(d.goroutine.id)}>
          Show G {d.goroutine.id}'s lane
        </button>
        {d.goroutine.startFunc && (
          <button type="button" className="btn small" onClick={() => viewActions.showTraceGroup(d.goroutine.startFunc)}>
            Its group in the goroutine analysis
          </button>
        )}
      </div>
      <h4>Where it started</h4>
      <StackView frames={d.startStack} label="Stack where the slice started" />
      <h4>Where it stopped</h4>
      <StackView frames={d.endStack} label="Stack where the slice stopped" />
    </section>
  );
}
