/** Light/dark theme: the user's last choice, else the system's preference. */
import { useView, viewActions, type Theme } from './view';

const KEY = 'goroscope.theme';

function systemTheme(): Theme {
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'dark' || v === 'light' ? v : null;
  } catch {
    return null;
  }
}

export function startTheme(): void {
  viewActions.setTheme(stored() ?? systemTheme());
  const apply = (t: Theme) => {
    document.documentElement.dataset.theme = t;
    document.documentElement.style.colorScheme = t;
  };
  apply(useView.getState().theme);
  useView.subscribe((s, prev) => {
    if (s.theme !== prev.theme) apply(s.theme);
  });
  // Follow the system until the user picks a theme here.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (!stored()) viewActions.setTheme(systemTheme());
  });
}

export function toggleTheme(): void {
  const next: Theme = useView.getState().theme === 'dark' ? 'light' : 'dark';
  try {
    localStorage.setItem(KEY, next);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  viewActions.setTheme(next);
}
