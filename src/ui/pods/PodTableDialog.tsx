/**
 * Pod against pod: a modal table of pods × kinds with each pod's headline number and its
 * deviation from the replicas' median, the odd pod first. An outlier's cell compares it,
 * in the Compare views, with the median pod or with the other pods merged.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PodGroup } from '../../analysis/pods/group';
import { OUTLIER, podTable, type PodColumn, type PodRow } from '../../analysis/pods/table';
import { formatValue } from '../../state/format';
import { useFiles } from '../../state/files';
import { useView } from '../../state/view';
import { worker } from '../../state/worker';
import type { FileId, FileInfo } from '../../worker/types';
import { ComparePanel } from '../compare/ComparePanel';
import { addVirtualFile } from '../trace/derived';
import { PodGoroutines } from './PodGoroutines';
import { PodSeries } from './PodSeries';
import './pods.css';

function deviationText(d: number | null): string {
  if (d === null) return '';
  if (!Number.isFinite(d)) return 'new';
  const p = Math.round(d * 100);
  return `${p > 0 ? '+' : ''}${p}%`;
}

interface Comparison {
  title: string;
  files: FileInfo[];
}

export function PodTableDialog({ archiveId, pods, onClose }: { archiveId: FileId; pods: PodGroup[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const files = useFiles((s) => s.files);
  const dark = useView((s) => s.theme === 'dark');
  const infoOf = useMemo(() => new Map(files.flatMap((f) => (f.info ? [[f.id, f.info] as const] : []))), [files]);
  const table = useMemo(() => podTable(pods, (id) => infoOf.get(id)?.profile), [pods, infoOf]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const withMedian = (col: PodColumn, row: PodRow, cell: number) => {
    const base = table.rows.find((r) => r.pod === col.medianPod)?.cells[cell];
    const target = row.cells[cell];
    if (!base || !target) return;
    setError(null);
    setComparison({ title: `${col.kind}: ${row.pod} against the median pod ${col.medianPod}`, files: [infoOf.get(base.id)!, infoOf.get(target.id)!] });
  };

  const withOthers = async (col: PodColumn, row: PodRow, cell: number) => {
    const target = row.cells[cell];
    if (!target) return;
    const parts = table.rows.filter((r) => r !== row && r.cells[cell]).map((r) => ({ id: r.cells[cell]!.id, pod: r.pod }));
    setError(null);
    try {
      const merged = await worker().call('mergeReplicas', { archive: archiveId, kind: col.kind, parts });
      // Listed like any merge, so it can be viewed and closed on its own.
      addVirtualFile(merged, archiveId);
      setComparison({
        title: `${col.kind}: ${row.pod} against the other ${parts.length} pods merged (Normalize scales the pod to the merge's total)`,
        files: [merged, infoOf.get(target.id)!],
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <dialog ref={ref} className="dialog pod-dialog" aria-labelledby="pod-table-title" onClose={onClose}>
      <h2 id="pod-table-title">Pod against pod</h2>
      <p className="muted">
        Each pod's latest snapshot per kind, and how far it is from the median of the pods. Pods furthest from the median come first;
        an outlier (±{OUTLIER * 100}% or more) can be compared with the median pod or with the other pods merged.
      </p>
      <div className="pod-table-wrap">
        <table className="pod-table" aria-label="Pods by kind" data-testid="pod-table">
          <thead>
            <tr>
              <th scope="col">Pod</th>
              {table.columns.map((c) => (
                <th scope="col" key={c.kind} title={`${c.sampleType}; median ${formatValue(c.median, c.unit)}`}>
                  {c.kind} <span className="muted">({c.sampleType})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.pod} data-testid="pod-row" data-pod={r.pod}>
                <th scope="row" className="pod-name">{r.pod}</th>
                {r.cells.map((c, i) => {
                  const col = table.columns[i];
                  const outlier = c?.deviation != null && Math.abs(c.deviation) >= OUTLIER;
                  return (
                    <td key={col.kind} className={outlier ? 'outlier' : undefined} data-outlier={outlier || undefined}>
                      {c && (
                        <>
                          <span className="pod-value">{formatValue(c.value, col.unit)}</span>{' '}
                          <span className="pod-deviation">{deviationText(c.deviation)}</span>
                          {outlier && (
                            <span className="pod-actions">
                              {r.pod !== col.medianPod && (
                                <button type="button" className="btn small" onClick={() => withMedian(col, r, i)} aria-label={`Compare ${col.kind} of ${r.pod} with the median pod`}>
                                  vs median
                                </button>
                              )}
                              <button type="button" className="btn small" onClick={() => void withOthers(col, r, i)} aria-label={`Compare ${col.kind} of ${r.pod} with the other pods merged`}>
                                vs others
                              </button>
                            </span>
                          )}
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error && <p className="file-error" role="alert">{error}</p>}
      {comparison && (
        <section className="pod-compare" aria-label={comparison.title}>
          <h3>{comparison.title}</h3>
          <ComparePanel client={worker()} files={comparison.files} dark={dark} />
        </section>
      )}
      <PodGoroutines pods={pods} />
      <PodSeries archiveId={archiveId} pods={pods} />
      <form method="dialog">
        <button className="btn">Close</button>
      </form>
    </dialog>
  );
}
