/**
 * Redacted pprof: what to keep (regexes, one a line; Go's standard library and runtime by
 * default), a preview of what will be replaced and how it will read, then the export,
 * which the worker offers only once the file is checked to hold none of those strings.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_KEEP } from '../../analysis/export/redact';
import type { WorkerClient } from '../../worker/client';
import type { ExportSource, RedactOptions } from '../../worker/export-api';
import { useDebounced } from '../shared/useDebounced';
import { useCall } from '../shared/useWorkerCall';
import { saveFile } from './download';
import { PPROF_TYPE } from './pprof-type';

const ROLES_SHOWN = ['function', 'file', 'label key', 'label value', 'mapping', 'build id', 'comment'] as const;

export function RedactDialog({ client, source, onClose }: { client: WorkerClient; source: ExportSource; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [keepText, setKeepText] = useState(DEFAULT_KEEP.join('\n'));
  const [keepLabelKeys, setKeepLabelKeys] = useState(false);
  const [status, setStatus] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  const redact: RedactOptions = {
    keep: useDebounced(keepText, 300)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    keepLabelKeys,
  };
  const preview = useCall(client, 'previewRedaction', { source, redact });

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const exportIt = async () => {
    setStatus({ busy: true, message: 'Exporting and checking the file…', error: false });
    try {
      const r = await client.call('exportPprof', { source, redact });
      saveFile(r.bytes, r.name, PPROF_TYPE);
      setStatus({ busy: false, message: `${r.name}: ${r.replaced} strings replaced; the file was checked to hold none of them.`, error: false });
    } catch (e) {
      setStatus({ busy: false, message: (e as Error).message, error: true });
    }
  };

  const p = preview.data;
  return (
    <dialog ref={ref} className="dialog redact-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>Export redacted pprof</h2>
      <p className="muted">
        Function names, file paths, label values, mapping files, build ids and comments become short hashes (the same name, the same hash, for this
        session). Values, sample types and the shape of the stacks stay, so <code>go tool pprof</code> shows the same numbers in the same order.
      </p>
      <label className="redact-keep">
        <span>Keep as they are (regexes, one a line; a string any of them matches stays)</span>
        <textarea className="input" rows={4} spellCheck={false} value={keepText} onChange={(e) => setKeepText(e.target.value)} />
      </label>
      <label className="redact-check">
        <input type="checkbox" checked={keepLabelKeys} onChange={(e) => setKeepLabelKeys(e.target.checked)} /> Keep label keys
      </label>
      <section aria-label="What will be replaced" className="redact-preview" aria-busy={preview.loading}>
        {preview.error && <p className="view-error" role="alert">{preview.error}</p>}
        {p && (
          <>
            <p>
              <strong>{p.total}</strong> strings will be replaced:{' '}
              {ROLES_SHOWN.filter((r) => p.counts[r]).map((r) => `${p.counts[r]} ${r}${p.counts[r] === 1 ? '' : 's'}`).join(', ') || 'none'}.
            </p>
            <table className="redact-table">
              <thead>
                <tr>
                  <th scope="col">What</th>
                  <th scope="col">Now</th>
                  <th scope="col">In the file</th>
                </tr>
              </thead>
              <tbody>
                {p.examples.map((x) => (
                  <tr key={`${x.role}\u0000${x.original}`}>
                    <td>{x.role}</td>
                    <td className="redact-original">{x.original}</td>
                    <td className="redact-hash">{x.replacement}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {p.total > p.examples.length && <p className="muted">…and {p.total - p.examples.length} more.</p>}
          </>
        )}
      </section>
      {status.message && (
        <p role={status.error ? 'alert' : 'status'} className={status.error ? 'view-error' : 'muted'}>
          {status.message}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="btn primary" disabled={status.busy || !!preview.error} onClick={() => void exportIt()}>
          Export redacted
        </button>
        <button type="button" className="btn" onClick={() => ref.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
