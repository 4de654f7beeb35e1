import { useEffect, useRef } from 'react';
import { useView, viewActions } from '../../state/view';
import { SHORTCUTS } from './shortcuts';

/** A native modal dialog: focus trap and Esc come with it. */
export function ShortcutsDialog() {
  const open = useView((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="shortcuts-title"
      onClose={() => viewActions.setHelpOpen(false)}
      onClick={(e) => {
        if (e.target === e.currentTarget) viewActions.setHelpOpen(false);
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row"><kbd>{s.keys}</kbd></th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button className="btn" autoFocus>Close</button>
      </form>
    </dialog>
  );
}
