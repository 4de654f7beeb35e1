/**
 * The Export button and its menu (WAI-ARIA menu button): Enter, Space or ArrowDown open it
 * on the first item, arrows move, Esc closes back onto the button. An item runs, and the
 * menu says it is working until it is done, or why it failed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import './export.css';

export interface ExportItem {
  label: string;
  run(): Promise<void> | void;
}

export function ExportMenu({ items }: { items: ExportItem[] }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const entries = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    entries()[0]?.focus();
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const run = async (item: ExportItem) => {
    close(true);
    setBusy(item.label);
    setError(null);
    try {
      await item.run();
    } catch (e) {
      setError(`${item.label}: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const onMenuKey = (e: React.KeyboardEvent) => {
    const list = entries();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="export-menu">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={busy !== null}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      {open && (
        <ul ref={menu} id={menuId} className="export-menu-list" role="menu" aria-label="Export" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button type="button" role="menuitem" tabIndex={-1} onClick={() => void run(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <span className="export-status" role="status">
        {busy && `Exporting ${busy}…`}
        {error && <span className="view-error">{error}</span>}
      </span>
    </div>
  );
}
