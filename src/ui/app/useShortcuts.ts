import { useEffect } from 'react';
import { useView, viewActions } from '../../state/view';
import { toggleTheme } from '../../state/theme';
import { compareActions } from '../../state/compare';
import { TABS } from './tabs';
import { COLLAPSE_INPUT_ID } from '../controls/CollapseInput';

function typing(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const v = useView.getState();
      if (e.key === 'Escape') {
        if (v.helpOpen) viewActions.setHelpOpen(false);
        else if (typing(e.target)) (e.target as HTMLElement).blur();
        else viewActions.resetZoom();
        return;
      }
      if (typing(e.target) || v.helpOpen) return;
      if (e.key === '/') {
        e.preventDefault();
        if (v.tab === 'info') viewActions.setTab('flame');
        // The input may only exist after the tab switch renders.
        requestAnimationFrame(() => {
          const tab = useView.getState().tab;
          const id = tab === 'top' ? 'top-filter' : tab === 'sandwich' || tab === 'source' ? 'sandwich-function' : 'flame-search';
          (document.getElementById(id) as HTMLInputElement | null)?.focus();
        });
      } else if (e.key === '?') {
        viewActions.setHelpOpen(true);
      } else if (e.key === 't') {
        toggleTheme();
      } else if (e.key === 'c') {
        const input = document.getElementById(COLLAPSE_INPUT_ID);
        if (input) {
          e.preventDefault();
          input.focus();
        }
      } else if (e.key === 'u') {
        viewActions.undoTransform();
      } else if (e.key === 'x') {
        compareActions.swap();
      } else if (e.key === 'b') {
        viewActions.setInverted(!v.inverted);
      } else if (/^[1-9]$/.test(e.key)) {
        const tab = TABS[Number(e.key) - 1];
        if (tab) viewActions.setTab(tab.id);
      } else {
        const tab = TABS.find((t) => t.key === e.key);
        if (tab) viewActions.setTab(tab.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
