/**
 * The main area's tabs; each has a panel in MainArea. The number keys follow this order.
 */
import type { ViewTab } from '../../state/hash';
import type { FileInfo } from '../../worker/types';
import { isGoroutineInfo } from '../goroutines/format';

/** `when`: the tab is offered only for files it applies to (absent: every file with a profile). */
export const TABS: readonly { id: ViewTab; label: string; when?: (info: FileInfo | undefined) => boolean }[] = [
  { id: 'flame', label: 'Flame graph' },
  { id: 'top', label: 'Top' },
  { id: 'info', label: 'Info' },
  { id: 'goroutines', label: 'Goroutines', when: isGoroutineInfo },
  { id: 'trace', label: 'Trace', when: (info) => info?.kind.kind === 'trace' },
  { id: 'compare', label: 'Compare' },
];

/** Whether a tab applies to a file (a tab that does not falls back to the flame graph). */
export function tabApplies(id: ViewTab, info: FileInfo | undefined): boolean {
  const t = TABS.find((x) => x.id === id);
  return !!t && (!t.when || t.when(info));
}
