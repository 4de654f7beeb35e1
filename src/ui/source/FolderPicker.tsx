/**
 * Picks the checkout the source comes from: the File System Access API's folder picker
 * where the browser has one, else (and for tests) an <input webkitdirectory>. Only names
 * are listed; a file is read when it is shown, in this tab.
 */
import { useRef } from 'react';
import { thousands } from '../../state/format';
import { directoryPicker, folderActions, folderFromHandle, folderFromInput, useSourceFolder } from './folder';

export const filesListed = (n: number) => `${thousands(n)} file${n === 1 ? '' : 's'} listed`;

export function FolderPicker() {
  const { folder, listing, error } = useSourceFolder();
  const input = useRef<HTMLInputElement>(null);
  const choose = async () => {
    const pick = directoryPicker();
    if (!pick) {
      input.current?.click();
      return;
    }
    let root;
    try {
      root = await pick({ mode: 'read' });
    } catch {
      return; // Dismissed.
    }
    folderActions.listing();
    try {
      folderActions.set(await folderFromHandle(root));
    } catch (e) {
      folderActions.failed(`Could not list ${root.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="source-folder" role="group" aria-label="Source folder">
      <button type="button" className={`btn small${folder ? '' : ' primary'}`} onClick={() => void choose()} disabled={listing}>
        {folder ? 'Change folder…' : 'Choose source folder…'}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        // React has no typed prop for it; the browser then lists the folder's files.
        {...{ webkitdirectory: '' }}
        multiple
        tabIndex={-1}
        aria-label="Source folder to read files from"
        onChange={(e) => {
          const picked = e.target.files ? folderFromInput(e.target.files) : null;
          if (picked) folderActions.set(picked);
          e.target.value = '';
        }}
      />
      {listing && <span className="muted">Listing file names…</span>}
      {folder && !listing && (
        <span className="muted" data-testid="source-folder-status" title={folder.skipped.length ? `Not listed: ${folder.skipped.join(', ')}` : undefined}>
          <strong>{folder.index.name}</strong>: {filesListed(folder.index.fileCount)}{folder.skipped.length > 0 && ` (${folder.skipped.length} hidden or node_modules folders skipped)`}
          {' · '}
          <button type="button" className="link-button" onClick={() => folderActions.set(null)}>Forget</button>
        </span>
      )}
      {error && <span className="view-error" role="alert">{error}</span>}
      <span className="muted hint">Read in this tab only: nothing is uploaded, and the folder is forgotten when the tab closes</span>
    </div>
  );
}
