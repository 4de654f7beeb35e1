import { useRef } from 'react';
import { useView, viewActions } from '../../state/view';
import { useSelectedFile } from '../shared/useCurrentProfile';
import { TABS, shownTab } from './tabs';

/** WAI-ARIA tabs: arrow keys move between them, numbers 1–3 work from anywhere (see useShortcuts). */
export function Tabs() {
  const chosen = useView((s) => s.tab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const info = useSelectedFile()?.info;
  // Tabs that do not apply to this file (Goroutines for a heap profile) are not offered; keys keep their number.
  const shown = TABS.map((t, num) => ({ ...t, num })).filter((t) => !t.when || t.when(info));
  const tab = shownTab(chosen, info);
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {shown.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          onClick={() => viewActions.setTab(t.id)}
          onKeyDown={(e) => {
            const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!d) return;
            const next = (i + d + shown.length) % shown.length;
            viewActions.setTab(shown[next]!.id);
            refs.current[next]?.focus();
          }}
        >
          {t.label}
          <kbd aria-hidden="true">{t.key ?? t.num + 1}</kbd>
        </button>
      ))}
    </div>
  );
}
