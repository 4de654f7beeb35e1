import { useView, viewActions } from '../../state/view';
import { toggleTheme } from '../../state/theme';
import { OpenButton } from '../drop/OpenButton';

export function Header() {
  const theme = useView((s) => s.theme);
  return (
    <header className="app-header" role="banner">
      <h1 className="brand">
        <span className="brand-mark" aria-hidden="true">◔</span>goroscope
      </h1>
      <OpenButton testId="file-input" />
      <span className="header-note muted">Go profiles, traces and goroutine dumps — in your browser only</span>
      <span className="spacer" />
      <button
        type="button"
        className="btn icon"
        onClick={toggleTheme}
        aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
        title="Toggle theme (t)"
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      <button type="button" className="btn icon" onClick={() => viewActions.setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
        ?
      </button>
    </header>
  );
}
