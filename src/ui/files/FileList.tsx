/** The sidebar: one row per opened file, with kind, parse progress or a clear failure message; an archive's entries in its tree. */
import { useFiles, removeFile, selectFile, type FileEntry } from '../../state/files';
import { describeKind } from '../../model/file-kind';
import { formatSize, visibleMarks } from '../../state/format';
import { useShallow } from 'zustand/react/shallow';
import { ArchiveTree } from './ArchiveTree';
import { PairMark, pairRoleText, usePairRole } from './PairMark';

function kindLabel(f: FileEntry): string {
  if (f.status === 'error') return f.info && f.info.kind.kind !== 'unknown' ? `${describeKind(f.info.kind)} · failed` : 'not readable';
  if (f.info?.entries) return `${describeKind(f.info.kind)} · ${f.info.entries.length} files`;
  if (f.info) return describeKind(f.info.kind);
  if (f.status === 'parsing') return f.phase === 'reading' ? 'reading…' : `${f.phase || 'parsing'}…`;
  return 'could not be read';
}

/** The name of the file a derived one was made from (it may have been closed since). */
function sourceName(id: number): string {
  return useFiles.getState().files.find((x) => x.id === id)?.name ?? 'a closed trace';
}

function madeFromArchive(id: number): boolean {
  return useFiles.getState().files.find((x) => x.id === id)?.info?.kind.kind === 'archive';
}

function FileRow({ f, selected }: { f: FileEntry; selected: boolean }) {
  const role = usePairRole(f.id);
  return (
    <li
      className={`file-row status-${f.status}${selected ? ' selected' : ''}`}
      data-testid="file-row"
      data-file-name={f.name}
      data-status={f.status}
      aria-current={selected ? 'true' : undefined}
    >
      <button
        type="button"
        className="file-main"
        onClick={() => selectFile(f.id)}
        aria-label={`${f.name}, ${kindLabel(f)}, ${f.status === 'error' ? 'failed' : f.status}${pairRoleText(role)}`}
      >
        <span className="file-name" title={visibleMarks(f.name)}>{visibleMarks(f.name)}</span>
        <span className="file-meta">
          <PairMark role={role} />
          <span className="file-kind" data-testid="file-kind">{kindLabel(f)}</span>
          {f.info?.derivedFrom !== undefined ? (
            <span className="file-size" title={`Made from ${sourceName(f.info.derivedFrom)}; no bytes of its own`}>{madeFromArchive(f.info.derivedFrom) ? 'merged' : 'from trace'}</span>
          ) : (
            <span className="file-size">{formatSize(f.size)}</span>
          )}
        </span>
        {f.status === 'parsing' && (
          <progress className="file-progress" max={1} value={f.progress} aria-label={`Parsing ${f.name}`} />
        )}
      </button>
      {f.status === 'error' && (
        <p className="file-error" role="alert" data-testid="file-error">{f.error}</p>
      )}
      {f.status === 'ready' && f.info && f.info.warnings.length > 0 && (
        <p className="file-warning">{f.info.warnings[0]}{f.info.warnings.length > 1 ? ` (+${f.info.warnings.length - 1} more)` : ''}</p>
      )}
      <button type="button" className="file-remove" aria-label={`Remove ${f.name}`} title="Remove" onClick={() => removeFile(f.id)}>
        ×
      </button>
      {f.info?.entries && <ArchiveTree archiveId={f.id} />}
    </li>
  );
}

export function FileList() {
  // An archive's entries are drawn in its tree, not as rows of their own.
  const files = useFiles(useShallow((s) => s.files.filter((f) => f.archiveId === undefined)));
  const selectedId = useFiles((s) => s.selectedId);
  return (
    <aside className="sidebar" aria-label="Files">
      <div className="sidebar-head">
        <h2>Files</h2>
        <span className="muted">{files.length || ''}</span>
      </div>
      {files.length === 0 ? (
        <p className="muted sidebar-empty">Drop files anywhere, use Open files…, or paste text with Ctrl+V.</p>
      ) : (
        <ul className="file-list" aria-label="Opened files">
          {files.map((f) => <FileRow key={f.id} f={f} selected={f.id === selectedId} />)}
        </ul>
      )}
      <p className="privacy-note">Files are read in this tab only. Nothing is uploaded.</p>
    </aside>
  );
}
