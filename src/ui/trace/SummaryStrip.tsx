/**
 * The trace at a glance: format, span, sizes, and any warning, in plain sight. The header
 * names the format, not the runtime: Go 1.20 writes "go 1.19" traces, Go 1.24 "go 1.23".
 */
import { formatNanos, thousands } from '../../state/format';
import type { TraceSummaryAnswer } from '../../worker/trace-api';

export function SummaryStrip({ s }: { s: TraceSummaryAnswer }) {
  const items: [string, string][] = [
    ['Format', `go ${s.goVersion}`],
    ['Duration', formatNanos(s.durationNs)],
    ['Events', thousands(s.events)],
    ['Goroutines', thousands(s.goroutines)],
    ['Ps', thousands(s.procs)],
    ['Generations', thousands(s.generations)],
    ['CPU samples', thousands(s.cpuSamples)],
    ['GC cycles', thousands(s.gcs)],
  ];
  // The parser already words a stop as a warning; the error is added only if it is not there.
  const problems = s.error && !s.warnings.some((w) => w.startsWith('stopped at byte')) ? [s.error, ...s.warnings] : s.warnings;
  return (
    <>
      <dl className="tr-summary" aria-label="Trace summary" data-testid="trace-summary">
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <div className={`tr-warnings${s.error ? ' error' : ''}`} role="status" aria-label="Trace warnings" data-testid="trace-warnings">
          <strong>{s.error ? 'The trace is incomplete' : problems.length === 1 ? 'Warning' : `${problems.length} warnings`}</strong>
          {s.error && <span> — everything up to where it stopped is shown.</span>}
          <ul>
            {problems.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
