import { breadcrumbs } from './zoom';

/** Where the flame graph is zoomed; each step is a way back out. */
export function Breadcrumb({ path, onNavigate }: { path: string[]; onNavigate: (p: string[]) => void }) {
  const crumbs = breadcrumbs(path);
  return (
    <nav className={`breadcrumb${path.length > 0 ? ' zoomed' : ''}`} aria-label="Zoom path">
      <ol>
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={i}>
              {last ? (
                <span aria-current="location" className="crumb current" title={c.label}>{c.label}</span>
              ) : (
                <button type="button" className="crumb" title={c.label} onClick={() => onNavigate(c.path)}>
                  {c.label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {path.length > 0 && (
        <button type="button" className="btn small" onClick={() => onNavigate([])} title="Reset zoom (Esc)">
          Reset zoom
        </button>
      )}
    </nav>
  );
}
