/** One of pprof's filters: typed locally, applied when valid, with the reason shown when not. */
import { useCallback, useId } from 'react';
import type { FilterKind } from '../../analysis/transforms/kinds';
import { transformError, transformOf } from '../../analysis/transforms/list';
import { useView, viewActions } from '../../state/view';
import { useDraft } from '../shared/useDraft';

interface Props {
  kind: FilterKind;
  label: string;
  hint: string;
  placeholder?: string;
}

export function FilterInput({ kind, label, hint, placeholder = 'regex' }: Props) {
  const value = useView((s) => transformOf(s.transforms, kind)?.pattern ?? '');
  // A stable setter: a new one would restart the draft's pause on every render.
  const onChange = useCallback((pattern: string) => viewActions.setTransform({ kind, pattern }), [kind]);
  const [text, setText] = useDraft(value, onChange, 300);
  const id = useId();
  const error = transformError({ kind, pattern: text });

  return (
    <div className={`field regex-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id} title={hint}>{label}</label>
      <input
        id={id}
        className="input mono"
        value={text}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        title={error ? `Invalid regex: ${error}` : hint}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !error) onChange(text);
        }}
      />
      {error && (
        <span id={`${id}-err`} className="field-error" role="status">
          {error}
        </span>
      )}
    </div>
  );
}
