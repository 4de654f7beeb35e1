/** The visible rows of a lazily loaded tree table: children fetched per path, shown where expanded. */
import type { TreeRow } from '../../worker/profile-api';

/** A node's path as one string: names never hold NUL. */
export const pathKey = (path: readonly string[]): string => path.join('\u0000');

export interface VisibleRow {
  row: TreeRow;
  path: string[];
  depth: number;
  expanded: boolean;
}

/** Depth first: each loaded, expanded node followed by its children. */
export function visibleRows(children: ReadonlyMap<string, TreeRow[]>, expanded: ReadonlySet<string>): VisibleRow[] {
  const out: VisibleRow[] = [];
  const walk = (path: string[]) => {
    for (const row of children.get(pathKey(path)) ?? []) {
      const p = [...path, row.name];
      const open = row.hasChildren && expanded.has(pathKey(p));
      out.push({ row, path: p, depth: path.length, expanded: open });
      if (open) walk(p);
    }
  };
  walk([]);
  return out;
}
