/** "base" or "target" on a file's row while a comparison of it is on screen (state/compare.ts). */
import { useCompare } from '../../state/compare';
import type { FileId } from '../../worker/types';
import './pair-mark.css';

type Role = 'base' | 'target';

const TITLE: Record<Role, string> = {
  base: 'Base (before) of the comparison on screen; x swaps base and target',
  target: 'Target (after) of the comparison on screen; x swaps base and target',
};

/** What the file is in the comparison on screen, if anything. */
export function usePairRole(id: FileId): Role | null {
  return useCompare((s) => (s.shown?.base === id ? 'base' : s.shown?.target === id ? 'target' : null));
}

/** Words for a row's accessible name: ", base of the comparison". */
export function pairRoleText(role: Role | null): string {
  return role ? `, ${role} of the comparison` : '';
}

export function PairMark({ role }: { role: Role | null }) {
  if (!role) return null;
  return (
    <span className={`pair-mark pair-${role}`} data-testid="pair-mark" title={TITLE[role]}>
      {role}
    </span>
  );
}
