/**
 * Collapse a typed prefix into one frame: a package path ("github.com/aws/") or a folder
 * ("vendor/", "runtime/"). Enter or the button adds it as a step of the transform list
 * (undone with u); a prefix that cannot apply says why and is not added.
 */
import { useId, useState } from 'react';
import { normalizePrefix } from '../../analysis/transforms/regex';
import { transformError } from '../../analysis/transforms/list';
import { viewActions } from '../../state/view';

/** The input's id: the shortcut that focuses it (useShortcuts) finds it by this. */
export const COLLAPSE_INPUT_ID = 'collapse-prefix';

const HINT =
  'Collapse every run of matching frames into one frame named prefix*. A frame matches when its function name starts with the prefix ' +
  '(a package path: github.com/aws/, runtime.) or its file path starts with it or has it after a / (a folder: vendor/, runtime/). ' +
  'Enter adds it to the transforms; u undoes.';

export function CollapseInput() {
  const [text, setText] = useState('');
  const id = useId();
  const prefix = normalizePrefix(text);
  const error = transformError({ kind: 'prefix', prefix });
  const add = () => {
    if (!prefix || error) return;
    viewActions.addStep({ kind: 'prefix', prefix });
    setText('');
  };

  return (
    <div className={`field regex-field collapse-field${error ? ' invalid' : ''}`}>
      <label htmlFor={COLLAPSE_INPUT_ID} title={HINT}>Collapse</label>
      <div className="collapse-row">
        <input
          id={COLLAPSE_INPUT_ID}
          className="input mono"
          value={text}
          spellCheck={false}
          autoComplete="off"
          placeholder="vendor/ or pkg path"
          title={error ? `Cannot collapse: ${error}` : HINT}
          aria-invalid={!!error}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
        <button type="button" className="btn small" aria-label="Add collapse step" disabled={!prefix || !!error} title={prefix && !error ? `Collapse ${prefix}* into one frame` : HINT} onClick={add}>
          +
        </button>
      </div>
      {error && (
        <span id={`${id}-err`} className="field-error" role="status">
          {error}
        </span>
      )}
    </div>
  );
}
