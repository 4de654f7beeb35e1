/**
 * The context menu of a frame or a row: its callers and callees, its source lines, and the transforms that
 * take a function (or, for a flame frame, its call path). A menu by ARIA's pattern: arrows
 * move, Enter or a click acts, Esc or a click elsewhere closes.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { packagePrefix } from '../../analysis/calltree/stack-transforms';
import type { Transform } from '../../analysis/transforms/kinds';
import { escapeRegex } from '../../analysis/transforms/regex';
import { viewActions } from '../../state/view';

export interface MenuTarget {
  name: string;
  /** The frame's call path from the root, when it has one (a flame frame). */
  path?: string[];
  x: number;
  y: number;
}

function items(t: MenuTarget): { label: string; act: () => void }[] {
  const add = (tr: Transform) => () => viewActions.addStep(tr);
  const pkg = packagePrefix(t.name);
  return [
    { label: 'Callers and callees', act: () => viewActions.showSandwich(t.name) },
    ...(t.path && t.path.length > 0 ? [{ label: 'Focus on this subtree', act: add({ kind: 'subtree', path: t.path }) }] : []),
    { label: 'Focus on this function', act: add({ kind: 'focusfn', name: t.name }) },
    { label: 'Merge into its callers', act: add({ kind: 'merge', name: t.name }) },
    { label: 'Drop samples through it', act: add({ kind: 'drop', name: t.name }) },
    { label: 'Collapse its recursion', act: add({ kind: 'rec', name: t.name }) },
    { label: 'Prune its callees', act: add({ kind: 'prunefrom', pattern: `^${escapeRegex(t.name)}$` }) },
    ...(pkg ? [{ label: `Collapse ${pkg}* into one frame`, act: add({ kind: 'prefix', prefix: pkg }) }] : []),
    // Last, so the transforms keep their places in the menu.
    { label: 'Source lines', act: () => viewActions.showSource(t.name) },
  ];
}

export function FrameMenu({ target, onClose }: { target: MenuTarget; onClose: () => void }) {
  const menu = useRef<HTMLUListElement>(null);
  const list = items(target);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [target, onClose]);
  const onKey = (e: KeyboardEvent) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') all[(i + 1) % all.length]?.focus();
    else if (e.key === 'ArrowUp') all[(i - 1 + all.length) % all.length]?.focus();
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <ul ref={menu} role="menu" aria-label={`Actions on ${target.name}`} className="frame-menu" style={{ left: target.x, top: target.y }} onKeyDown={onKey}>
      {list.map((it) => (
        <li key={it.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              onClose();
              it.act();
            }}
          >
            {it.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
