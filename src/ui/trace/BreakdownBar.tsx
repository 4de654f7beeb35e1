/** Where the time went, as one stacked bar; the same words as a label for screen readers. */
import { formatNanos } from '../../state/format';
import { breakdown, SEGMENTS, type Times } from './columns';

export function breakdownText(times: Times): string {
  const segs = breakdown(times);
  if (segs.length === 0) return 'no time recorded';
  return segs.map((s) => `${s.label} ${Math.round(s.fraction * 100)}% (${formatNanos(s.value)})`).join(', ');
}

export function BreakdownBar({ times, label }: { times: Times; label: string }) {
  const segs = breakdown(times);
  const text = breakdownText(times);
  return (
    <div className="tr-bar" role="img" aria-label={`${label}: ${text}`} title={text}>
      {segs.map((s) => (
        <span key={s.key} className={`seg-${s.key}`} style={{ width: `${s.fraction * 100}%` }} />
      ))}
    </div>
  );
}

export function BreakdownLegend() {
  return (
    <ul className="tr-legend" aria-label="Time breakdown colours">
      {SEGMENTS.map((s) => (
        <li key={s.key} title={s.title}>
          <span className={`tr-swatch seg-${s.key}`} />
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  );
}
