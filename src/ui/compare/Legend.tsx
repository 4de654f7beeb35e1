/** The diff flame graph's key: colours, the one-side hatch, and the palette switch. */
import { legendStops, PALETTE_LABELS, type Palette } from './diff-colour';

interface Props {
  palette: Palette;
  dark: boolean;
  onPalette: (p: Palette) => void;
}

export function Legend({ palette, dark, onPalette }: Props) {
  return (
    <div className="compare-legend" role="group" aria-label="Diff colour legend">
      <ul className="plain compare-legend-stops">
        {legendStops(palette, dark).map((s) => (
          <li key={s.label}>
            <span className="swatch" style={{ background: s.colour }} aria-hidden="true" />
            {s.label}
          </li>
        ))}
        <li>
          <span className="swatch hatch" aria-hidden="true" />
          striped: only on one side
        </li>
      </ul>
      <label className="compare-palette">
        <span className="muted">Colours</span>
        <select aria-label="Diff colour palette" value={palette} onChange={(e) => onPalette(e.target.value as Palette)}>
          {(Object.keys(PALETTE_LABELS) as Palette[]).map((p) => (
            <option key={p} value={p}>{PALETTE_LABELS[p]}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
