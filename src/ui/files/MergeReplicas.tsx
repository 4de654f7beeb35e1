/** Buttons that merge one kind over the archive's pods (each pod's latest snapshot) into a profile of its own, shown at once. */
import { useState } from 'react';
import type { ReplicaSet } from '../../analysis/pods/replicas';
import { worker } from '../../state/worker';
import { addVirtualFile, showFile } from '../trace/derived';
import type { FileId } from '../../worker/types';

export function MergeReplicas({ archiveId, sets }: { archiveId: FileId; sets: ReplicaSet[] }) {
  const [error, setError] = useState<string | null>(null);
  if (sets.length === 0) return null;
  const merge = async (set: ReplicaSet) => {
    setError(null);
    try {
      const info = await worker().call('mergeReplicas', { archive: archiveId, kind: set.kind, parts: set.parts });
      addVirtualFile(info, archiveId);
      showFile(info.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="merge-replicas" role="group" aria-label="Merge replicas">
      <span className="muted">Merge pods:</span>
      {sets.map((s) => (
        <button
          key={s.kind}
          type="button"
          className="btn small"
          data-testid="merge-replicas"
          title={`Merge the latest ${s.kind} of ${s.parts.length} pods as go tool pprof merges profiles`}
          onClick={() => void merge(s)}
        >
          {s.kind} ×{s.parts.length}
        </button>
      ))}
      {error && <p className="file-error" role="alert">{error}</p>}
    </div>
  );
}
