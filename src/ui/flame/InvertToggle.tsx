/** Top-down or bottom-up (inverted): one choice for the flame graph and the call tree. */
import { useView, viewActions } from '../../state/view';

export function InvertToggle() {
  const inverted = useView((s) => s.inverted);
  return (
    <button
      type="button"
      className={`btn small${inverted ? ' active' : ''}`}
      aria-pressed={inverted}
      title="Bottom-up: the functions samples end in at the root, their callers beyond (b)"
      onClick={() => viewActions.setInverted(!inverted)}
    >
      Bottom-up
    </button>
  );
}
