/** What the goroutine lanes' colours mean; the same colours the canvas paints. */
import { LANE_STATE_COUNT, LANE_STATE_NAMES } from '../../model/timeline';
import { GC_COLOR, type Theme, stateColor } from './colors';

export function StateLegend({ theme }: { theme: Theme }) {
  return (
    <ul className="tl-legend" aria-label="Goroutine states">
      {Array.from({ length: LANE_STATE_COUNT - 1 }, (_, i) => i + 1).map((k) => (
        <li key={k}>
          <span className="swatch" style={{ background: stateColor(k, theme) }} aria-hidden="true" />
          {LANE_STATE_NAMES[k]}
        </li>
      ))}
      <li>
        <span className="swatch" style={{ background: GC_COLOR[theme] }} aria-hidden="true" />
        GC (cycles, mark workers on P lanes)
      </li>
      <li className="muted">P lanes: one colour per start function; shorter bars are many slices too small to draw apart.</li>
    </ul>
  );
}
