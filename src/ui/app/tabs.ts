/**
 * The main area's tabs. Future views (Goroutines, Compare, Trace) add an entry
 * here and a panel in MainArea; the number keys follow this order.
 */
import type { ViewTab } from '../../state/hash';

export const TABS: readonly { id: ViewTab; label: string }[] = [
  { id: 'flame', label: 'Flame graph' },
  { id: 'top', label: 'Top' },
  { id: 'info', label: 'Info' },
  // { id: 'goroutines', label: 'Goroutines' }, { id: 'compare', label: 'Compare' }, { id: 'trace', label: 'Trace' },
];
