/**
 * An archive's entries as a tree: pod → kind → snapshots, each level collapsible (native
 * details/summary: keyboard and screen readers know them) with its count. An entry that
 * could not be read stays under its pod with its reason.
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { baseName, groupByPod, type Snapshot } from '../../analysis/pods/group';
import { replicaSets } from '../../analysis/pods/replicas';
import { MergeReplicas } from './MergeReplicas';
import { PodTableDialog } from '../pods/PodTableDialog';
import { selectFile, useFiles, type FileEntry } from '../../state/files';
import { worker } from '../../state/worker';
import type { FileId } from '../../worker/types';
import './archive.css';
import { PairMark, pairRoleText, usePairRole } from './PairMark';

/** Open the pods' folders when there are few enough to read at a glance. */
const OPEN_PODS_UP_TO = 6;

function snapshotTime(s: Snapshot): string | null {
  return s.timeNanos === null ? null : new Date(s.timeNanos / 1e6).toISOString().slice(11, 19);
}

function SnapshotRow({ s, entry, selected }: { s: Snapshot; entry: FileEntry; selected: boolean }) {
  const time = snapshotTime(s);
  const role = usePairRole(s.id);
  return (
    <li className={`snapshot-row${selected ? ' selected' : ''}${s.failed ? ' failed' : ''}`} data-testid="archive-entry" data-path={s.path} aria-current={selected ? 'true' : undefined}>
      <button
        type="button"
        className="snapshot-main"
        onClick={() => selectFile(s.id)}
        title={s.path}
        // The mark's word would run into the name and time: said apart, as in a file row.
        aria-label={role ? `${baseName(s.path)}${time ? `, ${time}` : ''}${pairRoleText(role)}` : undefined}
      >
        {/* A failed entry shows its whole path: the path may be why it failed (../x). */}
        <span className="snapshot-name">{s.failed ? s.path : baseName(s.path)}</span>
        <PairMark role={role} />
        {time && <span className="snapshot-time">{time}</span>}
      </button>
      {s.failed && <p className="file-error" role="alert" data-testid="file-error">{entry.error}</p>}
    </li>
  );
}

/**
 * An entry is listed from a summary made without reading it in full; once it is shown, the
 * worker reads it and its whole summary (the info panel's counts) replaces the partial one.
 * An entry that fails in full gets its reason, as one that failed at the listing.
 */
function useWholeInfo(entry: FileEntry | undefined): void {
  const id = entry?.info?.partial ? entry.id : null;
  useEffect(() => {
    if (id === null) return;
    // Kept even when the selection moved on meanwhile: the whole summary stays true.
    const replace = (patch: Partial<FileEntry>) => useFiles.setState((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) }));
    worker()
      .call('entryInfo', { id })
      .then(
        (info) => replace({ info }),
        (e: unknown) => replace({ status: 'error', error: e instanceof Error ? e.message : String(e) }),
      );
  }, [id]);
}

export function ArchiveTree({ archiveId }: { archiveId: FileId }) {
  const entries = useFiles(useShallow((s) => s.files.filter((f) => f.archiveId === archiveId)));
  const selectedId = useFiles((s) => s.selectedId);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const pods = useMemo(
    () =>
      groupByPod(
        entries.map((e) => ({ id: e.id, path: e.name, kind: e.info!.kind, timeNanos: e.info?.profile?.timeNanos, failed: e.status === 'error' })),
      ),
    [entries],
  );
  const sets = useMemo(() => replicaSets(pods), [pods]);
  useWholeInfo(selectedId === null ? undefined : byId.get(selectedId));
  const [tableOpen, setTableOpen] = useState(false);
  if (entries.length === 0) return null;
  return (
    <>
    {pods.length >= 2 && (
      <div className="archive-tools">
        <button type="button" className="btn small" onClick={() => setTableOpen(true)} data-testid="open-pod-table">
          Pod against pod…
        </button>
      </div>
    )}
    {tableOpen && <PodTableDialog archiveId={archiveId} pods={pods} onClose={() => setTableOpen(false)} />}
    <MergeReplicas archiveId={archiveId} sets={sets} />
    <ul className="archive-tree" aria-label="Pods in the archive" data-testid="archive-tree">
      {pods.map((p) => (
        <li key={p.pod} data-testid="pod-group" data-pod={p.pod}>
          <details open={pods.length <= OPEN_PODS_UP_TO}>
            <summary>
              <span className="pod-name">{p.pod}</span>
              <span className="tree-count" aria-label={`${p.count} files`}>{p.count}</span>
            </summary>
            <ul>
              {p.kinds.map((k) => (
                <li key={k.kind} data-testid="kind-group" data-kind={k.kind}>
                  <details open={k.snapshots.length <= 3}>
                    <summary>
                      <span className="kind-name">{k.kind}</span>
                      <span className="tree-count" aria-label={`${k.snapshots.length} snapshots`}>{k.snapshots.length}</span>
                    </summary>
                    <ul>
                      {k.snapshots.map((s) => (
                        <SnapshotRow key={s.id} s={s} entry={byId.get(s.id)!} selected={s.id === selectedId} />
                      ))}
                    </ul>
                  </details>
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
    </>
  );
}
