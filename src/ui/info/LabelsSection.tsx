/**
 * pprof's -tags in the info panel: how the shown sample type splits by each label, over
 * the samples the view's filters keep. A string value is a button that focuses on it.
 */
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useWorkerCall } from '../shared/useWorkerCall';
import { formatValue } from '../../state/format';
import { escapeRegex } from '../../analysis/transforms/regex';
import { viewActions } from '../../state/view';
import type { LabelsAnswer } from '../../worker/profile-api';

const SHOWN_VALUES = 12;

export function LabelsSection({ current }: { current: CurrentProfile }) {
  const { file, options, summary } = current;
  const call = useWorkerCall('labels', summary.labelKeys.length ? { file: file.id, ...options } : null);
  if (!summary.labelKeys.length) return null;
  const answer = call.data;
  return (
    <section className="labels-section" aria-label="Labels">
      <h3>Labels</h3>
      <p className="muted">
        The {current.sampleType.type} of the samples each label is on, as <span className="mono">pprof -tags</span> reports it,
        in shares of the whole profile. Click a value to keep only its samples.
      </p>
      {call.error && <p className="field-error" role="alert">{call.error}</p>}
      {answer && answer.keys.length === 0 && <p className="muted">No sample the view keeps has a label.</p>}
      {answer?.keys.map((k) => <LabelKey key={k.key} share={k} total={answer.total} unit={answer.unit} />)}
    </section>
  );
}

function LabelKey({ share, total, unit }: { share: LabelsAnswer['keys'][number]; total: number; unit: string }) {
  const pct = (v: number) => (total ? `${((100 * v) / total).toFixed(2)}%` : '—');
  const rest = share.valueCount - Math.min(SHOWN_VALUES, share.values.length);
  return (
    <table className="labels-table" aria-label={`Label ${share.key}`}>
      <caption>
        <span className="mono">{share.key}</span>: {formatValue(share.total, unit)} of {formatValue(total, unit)} ({pct(share.total)})
      </caption>
      <tbody>
        {share.values.slice(0, SHOWN_VALUES).map((v) => (
          <tr key={v.value}>
            <td className="labels-value">
              {v.numeric ? (
                <span className="mono">{formatValue(Number(v.value), v.unit)}</span>
              ) : (
                <button
                  type="button"
                  className="link mono"
                  title={`Keep only samples with ${share.key}=${v.value} (tag focus)`}
                  onClick={() => viewActions.setTransform({ kind: 'tagfocus', pattern: `${share.key}=^${escapeRegex(v.value)}$` })}
                >
                  {v.value === '' ? '(empty)' : v.value}
                </button>
              )}
            </td>
            <td className="num">{formatValue(v.total, unit)}</td>
            <td className="num">{pct(v.total)}</td>
          </tr>
        ))}
        {rest > 0 && (
          <tr>
            <td colSpan={3} className="muted">and {rest} more value{rest === 1 ? '' : 's'}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
