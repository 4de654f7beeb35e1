import { useWindowDrop } from './useWindowDrop';

/** Full-window target shown while files are dragged over the page. */
export function DropOverlay() {
  const dragging = useWindowDrop();
  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-box">
        <strong>Drop to open</strong>
        <span>pprof profiles, goroutine dumps, execution traces, collapsed stacks — read here, never uploaded</span>
      </div>
    </div>
  );
}
