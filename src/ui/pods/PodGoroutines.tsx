/** Goroutines across pods: each stack's count per pod side by side, a stack in one pod only or growing in every pod flagged. */
import { useMemo } from 'react';
import type { PodGroup } from '../../analysis/pods/group';
import { thousands } from '../../state/format';
import { useWorkerCall } from '../shared/useWorkerCall';

/** Frames of a stack shown in the cell; the whole stack is in its title. */
const SHOWN_FRAMES = 4;

function growthText(g: number | null): string {
  return g === null || g === 0 ? '' : ` (${g > 0 ? '+' : ''}${thousands(g)})`;
}

export function PodGoroutines({ pods }: { pods: PodGroup[] }) {
  const request = useMemo(() => {
    const withGoroutines = pods.flatMap((p) => {
      const ids = (p.kinds.find((k) => k.kind === 'goroutine')?.snapshots ?? []).filter((s) => !s.failed).map((s) => s.id);
      return ids.length ? [{ pod: p.pod, ids }] : [];
    });
    return withGoroutines.length >= 2 ? { pods: withGoroutines } : null;
  }, [pods]);
  const { data, error } = useWorkerCall('podGoroutines', request);
  if (!request) return null;
  return (
    <section className="pod-goroutines" aria-label="Goroutines across pods">
      <h3>Goroutines across pods</h3>
      {error && <p className="file-error" role="alert">{error}</p>}
      {data && (
        <>
          <p className="muted">
            Goroutines per stack in each pod's latest snapshot (in brackets: the change since its first). {data.rows.length < data.total ? `The first ${data.rows.length} of ${data.total} stacks.` : ''}
          </p>
          <div className="pod-table-wrap">
            <table className="pod-table" aria-label="Goroutine stacks by pod" data-testid="pod-goroutines">
              <thead>
                <tr>
                  <th scope="col">Stack</th>
                  <th scope="col">Flag</th>
                  {data.pods.map((p) => <th scope="col" key={p} className="pod-name">{p}</th>)}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => {
                  const frames = r.stack.split('\n');
                  const flag = r.growingEverywhere ? 'grows in every pod' : r.onlyIn ? `only in ${r.onlyIn}` : '';
                  return (
                    <tr key={r.stack} data-testid="pod-stack" data-flag={r.growingEverywhere ? 'everywhere' : r.onlyIn ? 'one-pod' : undefined}>
                      <th scope="row" className="pod-stack" title={r.stack}>
                        {frames.slice(0, SHOWN_FRAMES).join('\n')}
                        {frames.length > SHOWN_FRAMES ? `\n… ${frames.length - SHOWN_FRAMES} more` : ''}
                      </th>
                      <td className={`pod-flag${flag ? ' flagged' : r.growingIn.length ? ' grows' : ''}`}>
                        {flag}
                        {r.growingIn.length > 0 && !r.growingEverywhere ? `${flag ? '; ' : ''}grows in ${r.growingIn.length} of ${data.pods.length}` : ''}
                      </td>
                      {r.counts.map((c, i) => (
                        <td key={data.pods[i]}>{thousands(c)}{growthText(r.growth[i])}</td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
