/** A pprof filter: typed locally, applied when valid, with the reason shown when not. */
import { useId } from 'react';
import { regexError } from '../../state/regex';
import { useDraft } from '../shared/useDraft';

interface Props {
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  /** Why the text is not valid, or null; a plain regex by default. */
  validate?: (text: string) => string | null;
  placeholder?: string;
}

export function RegexInput({ label, hint, value, onChange, validate = regexError, placeholder = 'regex' }: Props) {
  const [text, setText] = useDraft(value, onChange, 300);
  const id = useId();
  const error = validate(text);

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
