/**
 * The active transforms in the order they were added, each removable on its own. One
 * that cannot be applied (an invalid regex) is marked and says why.
 */
import { useId } from 'react';
import type { Transform } from '../../analysis/transforms/kinds';
import { transformError, transformLabel } from '../../analysis/transforms/list';
import { viewActions } from '../../state/view';

export function TransformList({ transforms }: { transforms: Transform[] }) {
  const id = useId();
  if (transforms.length === 0) return null;
  return (
    <div className="transforms">
      <ol aria-label="Active transforms">
        {transforms.map((t, i) => {
          const label = transformLabel(t);
          const error = transformError(t);
          return (
            <li key={i} className={error ? 'invalid' : undefined} title={error ? `Not applied: ${error}` : undefined}>
              <span className="mono" id={`${id}-${i}`}>{label}</span>
              {/* Named apart from its label, so the filter inputs' labels stay unique on the page. */}
              <button type="button" aria-label="Remove" aria-describedby={`${id}-${i}`} title="Remove" onClick={() => viewActions.removeTransform(i)}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      {transforms.length > 1 && (
        <button type="button" className="btn small" onClick={viewActions.clearTransforms}>
          Clear all
        </button>
      )}
    </div>
  );
}
