import { useRef } from 'react';
import { useView, viewActions } from '../../state/view';
import { TABS } from './tabs';

/** WAI-ARIA tabs: arrow keys move between them, numbers 1–3 work from anywhere (see useShortcuts). */
export function Tabs() {
  const tab = useView((s) => s.tab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {TABS.map((t, i) => (
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
            const next = (i + d + TABS.length) % TABS.length;
            viewActions.setTab(TABS[next]!.id);
            refs.current[next]?.focus();
          }}
        >
          {t.label}
          <kbd aria-hidden="true">{i + 1}</kbd>
        </button>
      ))}
    </div>
  );
}
