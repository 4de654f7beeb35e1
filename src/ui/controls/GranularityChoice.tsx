/** The shared granularity setting (function or function + line) as a segmented radio group. */
import { granularityOf } from '../../analysis/transforms/list';
import { useView, viewActions } from '../../state/view';
import type { Granularity } from '../../worker/types';

export interface GranularityOption {
  id: Granularity;
  label: string;
  title: string;
}

export function GranularityChoice({ label, labelId, options, className = 'field' }: { label: string; labelId: string; options: GranularityOption[]; className?: string }) {
  const granularity = useView((s) => granularityOf(s.transforms));
  return (
    <div className={className}>
      <span className="label" id={labelId}>{label}</span>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {options.map((g) => (
          <button key={g.id} type="button" role="radio" aria-checked={granularity === g.id} title={g.title} onClick={() => viewActions.setTransform({ kind: 'granularity', value: g.id })}>
            {g.label}
          </button>
        ))}
      </div>
    </div>
  );
}
