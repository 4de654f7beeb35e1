/**
 * The call tree as a table (an ARIA treegrid): top-down or bottom-up, self and total per
 * node. Arrows move, expand and collapse; Enter shows the node in the flame graph.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import type { TreeRow } from '../../worker/profile-api';
import { worker } from '../../state/worker';
import { useView, viewActions } from '../../state/view';
import { formatExact, formatPercent, formatValue, visibleMarks } from '../../state/format';
import { InvertToggle } from '../flame/InvertToggle';
import { pathKey, visibleRows } from './rows';

export function TreeView({ current }: { current: CurrentProfile }) {
  const inverted = useView((s) => s.inverted);
  const request = useMemo(
    () => ({ file: current.file.id, ...current.options, inverted }),
    // current.options is rebuilt each render; its content is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [current.file.id, JSON.stringify(current.options), inverted],
  );
  const [children, setChildren] = useState<Map<string, TreeRow[]>>(new Map());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [active, setActive] = useState(0);
  const [meta, setMeta] = useState({ total: 0, unit: '' });
  const [error, setError] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);

  // Paths asked for in this view, and the view's cancel: a new view starts collapsed.
  const asked = useRef<{ paths: Set<string>; ctl: AbortController }>({ paths: new Set(), ctl: new AbortController() });
  useEffect(() => {
    asked.current = { paths: new Set(), ctl: new AbortController() };
    setChildren(new Map());
    setExpanded(new Set());
    setActive(0);
    setError(null);
    return () => asked.current.ctl.abort();
  }, [request]);

  // Loads the top level and the children of each expanded node, once each.
  useEffect(() => {
    const { paths, ctl } = asked.current;
    for (const path of [[], ...[...expanded].map((k) => k.split('\u0000'))]) {
      const key = pathKey(path);
      if (paths.has(key) || children.has(key)) continue;
      paths.add(key);
      worker()
        .call('treeRows', { ...request, path }, { signal: ctl.signal })
        .then((a) => {
          setMeta({ total: a.total, unit: a.unit });
          setChildren((m) => new Map(m).set(key, a.rows));
        })
        .catch((e: unknown) => {
          if (!ctl.signal.aborted) setError(e instanceof Error ? e.message : String(e));
        });
    }
  }, [request, expanded, children]);

  const rows = visibleRows(children, expanded);
  const at = Math.min(active, Math.max(0, rows.length - 1));

  // Keyboard focus follows the active row.
  useEffect(() => {
    if (table.current?.contains(document.activeElement)) table.current.querySelector<HTMLElement>(`tr[data-index="${at}"]`)?.focus();
  }, [at, rows.length]);

  const toggle = (key: string, open: boolean) =>
    setExpanded((s) => {
      const n = new Set(s);
      if (open) n.add(key);
      else n.delete(key);
      return n;
    });

  const onKey = (e: KeyboardEvent, i: number) => {
    const r = rows[i];
    if (!r) return;
    const key = pathKey(r.path);
    let next = i;
    if (e.key === 'ArrowDown') next = Math.min(rows.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'ArrowRight') {
      if (r.row.hasChildren && !r.expanded) toggle(key, true);
      else if (r.expanded) next = i + 1;
    } else if (e.key === 'ArrowLeft') {
      if (r.expanded) toggle(key, false);
      else if (r.depth > 0) next = rows.findIndex((x) => pathKey(x.path) === pathKey(r.path.slice(0, -1)));
    } else if (e.key === 'Enter') viewActions.showInFlame(r.path);
    else return;
    e.preventDefault();
    setActive(next);
  };

  const v = (x: number) => formatValue(x, meta.unit);
  return (
    <div className="tree-view">
      <div className="top-bar">
        <InvertToggle />
        <span className="muted hint">↑ ↓ move · → expand · ← collapse · Enter shows it in the flame graph</span>
      </div>
      {error && <p className="view-error" role="alert">Could not build the tree: {error}</p>}
      <div className="top-scroll">
        <table ref={table} role="treegrid" className="top-table tree-table" aria-label={inverted ? 'Call tree, bottom-up' : 'Call tree, top-down'}>
          <thead>
            <tr>
              <th scope="col" className="num" title={inverted ? 'Value spent in the function itself (top level only: below it are its callers)' : 'Value of samples whose stack ends at this node'}>self</th>
              <th scope="col" className="num" title="Value of samples through this path">total</th>
              <th scope="col" className="num" title="total as a share of the whole profile">total%</th>
              <th scope="col">{inverted ? 'function, then its callers' : 'function, then its callees'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                key={pathKey(r.path)}
                data-index={i}
                aria-level={r.depth + 1}
                aria-expanded={r.row.hasChildren ? r.expanded : undefined}
                aria-selected={i === at}
                tabIndex={i === at ? 0 : -1}
                className={i === at ? 'active' : undefined}
                onKeyDown={(e) => onKey(e, i)}
                onClick={() => {
                  setActive(i);
                  if (r.row.hasChildren) toggle(pathKey(r.path), !r.expanded);
                }}
              >
                <td className="num" title={formatExact(r.row.self, meta.unit)}>{v(r.row.self)}</td>
                <td className="num" title={formatExact(r.row.total, meta.unit)}>{v(r.row.total)}</td>
                <td className="num">{formatPercent(r.row.total, meta.total)}</td>
                <td className="name-cell" role="gridcell" style={{ paddingLeft: 8 + 14 * r.depth }} title={visibleMarks(r.row.name)}>
                  <span className="tree-caret" aria-hidden="true">{r.row.hasChildren ? (r.expanded ? '▾' : '▸') : ' '}</span>
                  {visibleMarks(r.row.name)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
