import type { CallTree } from '../../src/analysis/calltree/calltree';

/** Every node of a call tree as "path=total/self" (names joined by ';'), sorted: a whole tree in one comparable list. */
export function treeNodes(t: CallTree): string[] {
  const out: string[] = [];
  const visit = (n: number, path: string) => {
    for (let i = t.childStart[n]; i < t.childStart[n + 1]; i++) {
      const c = t.childList[i];
      const p = path ? `${path};${t.keys.names[t.key[c]]}` : t.keys.names[t.key[c]];
      out.push(`${p}=${t.total[c]}/${t.self[c]}`);
      visit(c, p);
    }
  };
  visit(0, '');
  return out.sort();
}
