/** Over time across pods: the growth ranking of the Compare tab, run on one pod's snapshots or on the pods merged at each step. */
import { useMemo, useState } from 'react';
import type { PodGroup } from '../../analysis/pods/group';
import { podSeries } from '../../analysis/pods/series';
import { useFiles } from '../../state/files';
import { worker } from '../../state/worker';
import type { FileId, FileInfo } from '../../worker/types';
import { SeriesView } from '../compare/SeriesView';
import { addVirtualFile } from '../trace/derived';

const MERGED = '(all pods merged)';

export function PodSeries({ archiveId, pods }: { archiveId: FileId; pods: PodGroup[] }) {
  const options = useMemo(() => podSeries(pods), [pods]);
  const files = useFiles((s) => s.files);
  const [choice, setChoice] = useState('');
  const [series, setSeries] = useState<FileInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (options.length === 0) return null;

  const choose = async (value: string) => {
    setChoice(value);
    setSeries(null);
    setError(null);
    const [kind, pod] = value.split('\n');
    const s = options.find((o) => o.kind === kind);
    if (!s) return;
    try {
      if (pod === MERGED && s.mergedSteps) {
        const merged: FileInfo[] = [];
        // One merge per step, in order: each is a profile of its own, listed with the archive.
        for (const step of s.mergedSteps) {
          const info = await worker().call('mergeReplicas', { archive: archiveId, kind: `${kind} step ${merged.length + 1}`, parts: step.parts });
          addVirtualFile(info, archiveId);
          merged.push(info);
        }
        setSeries(merged);
      } else {
        const ids = s.perPod.find((x) => x.pod === pod)?.ids ?? [];
        setSeries(ids.flatMap((id) => files.find((f) => f.id === id)?.info ?? []));
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="pod-series" aria-label="Growth over time across pods">
      <h3>Growth over time</h3>
      <label>
        <span className="muted">Series of </span>
        <select aria-label="Series of" value={choice} onChange={(e) => void choose(e.target.value)}>
          <option value="">choose a pod, or the pods merged…</option>
          {options.map((o) => (
            <optgroup key={o.kind} label={o.kind}>
              {o.mergedSteps && <option value={`${o.kind}\n${MERGED}`}>{o.kind}: {MERGED}</option>}
              {o.perPod.map((p) => (
                <option key={p.pod} value={`${o.kind}\n${p.pod}`}>{o.kind}: {p.pod} ({p.ids.length} snapshots)</option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {error && <p className="file-error" role="alert">{error}</p>}
      {series && series.length >= 3 && (
        <SeriesView
          key={choice}
          client={worker()}
          files={series}
          snapshots={series.map((f) => f.id)}
          view={{ transforms: [] }}
        />
      )}
    </section>
  );
}
