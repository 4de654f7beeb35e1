/**
 * Search over frame names (a regex, or literal text when it is not one). Frames are
 * highlighted locally; the exact share comes from the worker, which sees every
 * sample, including frames pruned from the drawing.
 */
import type { SearchAnswer } from '../../worker/profile-api';
import { formatPercent, formatValue, thousands } from '../../state/format';
import { useDraft } from '../shared/useDraft';

interface Props {
  value: string;
  onChange: (v: string) => void;
  result: SearchAnswer | null;
  unit: string;
  busy: boolean;
}

export function FlameSearch({ value, onChange, result, unit, busy }: Props) {
  const [text, setText] = useDraft(value, onChange, 150);

  return (
    <div className="flame-search" role="search">
      <input
        id="flame-search"
        type="search"
        className="input"
        placeholder="Search frames (regex)  /"
        aria-label="Search frames"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
            onChange('');
          }
        }}
      />
      <output className="search-result" aria-live="polite" htmlFor="flame-search">
        {value && result && !busy
          ? `${formatPercent(result.matched, result.total)} of total · ${formatValue(result.matched, unit)} · ${thousands(result.functions)} function${result.functions === 1 ? '' : 's'}`
          : value && busy
            ? 'searching…'
            : ''}
      </output>
    </div>
  );
}
