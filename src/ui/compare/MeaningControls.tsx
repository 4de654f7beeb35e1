/**
 * The diff's meaning, chosen and explained: what is subtracted from what, and what the
 * percentages are of, with both totals — users misread diffs when this is implicit.
 */
import type { DiffMeaning, DiffTotalsInfo } from '../../worker/compare-api';
import { formatValue } from '../../state/format';

interface Props {
  meaning: DiffMeaning;
  normalize: boolean;
  totals: DiffTotalsInfo | null;
  unit: string;
  baseName: string;
  targetName: string;
  onMeaning: (m: DiffMeaning) => void;
  onNormalize: (n: boolean) => void;
}

export function explainDiff(p: Omit<Props, 'onMeaning' | 'onNormalize'>): string {
  const v = (x: number) => formatValue(x, p.unit);
  const t = p.totals;
  const sides = t
    ? `Base ${p.baseName}: ${v(t.base)} in total. Target ${p.targetName}: ${v(t.targetRaw)}` +
      (p.normalize ? `, scaled ×${t.scale.toPrecision(3)} to ${v(t.target)} so both totals match.` : '.')
    : '';
  const what =
    p.meaning === 'diff_base'
      ? `Compare to base (pprof -diff_base): each frame shows target minus base; percentages are of the base total${t ? ` (${v(t.percentOf)})` : ''}. For independent profiles and point-in-time values — “how much bigger than before, and where”.`
      : `Delta of a cumulative profile (pprof -base): each frame shows what was added between the two snapshots; percentages are of the total change${t ? ` (${v(t.percentOf)}, the sum of every stack’s change)` : ''}. For counters that only grow — “what happened in between”.`;
  return `${what} ${sides}`.trim();
}

export function MeaningControls(props: Props) {
  const { meaning, normalize, onMeaning, onNormalize } = props;
  return (
    <section className="compare-meaning" aria-label="What the diff means">
      <div className="compare-meaning-controls">
        <div role="radiogroup" aria-label="Diff meaning" className="seg">
          <label className={meaning === 'diff_base' ? 'on' : ''}>
            <input type="radio" name="diff-meaning" value="diff_base" checked={meaning === 'diff_base'} onChange={() => onMeaning('diff_base')} />
            Compare to base <span className="muted">(-diff_base)</span>
          </label>
          <label className={meaning === 'base' ? 'on' : ''}>
            <input type="radio" name="diff-meaning" value="base" checked={meaning === 'base'} onChange={() => onMeaning('base')} />
            Delta of cumulative <span className="muted">(-base)</span>
          </label>
        </div>
        <label className="compare-check">
          <input type="checkbox" checked={normalize} onChange={(e) => onNormalize(e.target.checked)} aria-describedby="compare-explain" />
          Normalize <span className="muted">(scale target to the base total)</span>
        </label>
      </div>
      <p id="compare-explain" className="compare-explain" data-testid="compare-explain" aria-live="polite">
        {explainDiff(props)}
      </p>
    </section>
  );
}
