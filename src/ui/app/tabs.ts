/**
 * The main area's tabs; each has a panel in MainArea. The number keys follow this order.
 */
import type { ViewTab } from '../../state/hash';
import type { FileInfo } from '../../worker/types';
import { isGoroutineInfo } from '../goroutines/format';

const hasProfile = (info: FileInfo | undefined) => !!info?.profile;
const isTrace = (info: FileInfo | undefined) => info?.kind.kind === 'trace';

/** `when`: the tab is offered only for files it applies to (absent: every file); `key`: its key past the numbers. */
export const TABS: readonly { id: ViewTab; label: string; when?: (info: FileInfo | undefined) => boolean; key?: string }[] = [
  { id: 'flame', label: 'Flame graph', when: hasProfile },
  { id: 'top', label: 'Top', when: hasProfile },
  { id: 'info', label: 'Info', when: hasProfile },
  { id: 'sandwich', label: 'Callers/callees', when: hasProfile },
  { id: 'tree', label: 'Call tree', when: hasProfile },
  { id: 'goroutines', label: 'Goroutines', when: isGoroutineInfo },
  { id: 'timeline', label: 'Timeline', when: isTrace },
  { id: 'trace', label: 'Trace', when: isTrace },
  { id: 'compare', label: 'Compare' },
  { id: 'source', label: 'Source', when: hasProfile, key: 'l' },
];

function applies(id: ViewTab, info: FileInfo | undefined): boolean {
  const t = TABS.find((x) => x.id === id);
  return !!t && (!t.when || t.when(info));
}

/** The tab to show: the chosen one if it applies to the file, else the first that does. */
export function shownTab(chosen: ViewTab, info: FileInfo | undefined): ViewTab {
  return applies(chosen, info) ? chosen : (TABS.find((t) => applies(t.id, info))?.id ?? 'flame');
}
