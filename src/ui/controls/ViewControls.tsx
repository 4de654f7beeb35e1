/**
 * Sample type, granularity and pprof's filters (focus/ignore/hide/show; tagfocus/tagignore on
 * labelled profiles), a prefix to collapse, then the active transforms as a list in the order
 * they were added.
 */
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { transformOf } from '../../analysis/transforms/list';
import { useView, viewActions } from '../../state/view';
import { CollapseInput } from './CollapseInput';
import { FilterInput } from './FilterInput';
import { GranularityChoice, type GranularityOption } from './GranularityChoice';
import { TransformList } from './TransformList';
import { ProfileExport } from '../export/ProfileExport';

const GRANULARITIES: GranularityOption[] = [
  { id: 'function', label: 'Functions', title: 'One frame per function' },
  { id: 'line', label: 'Lines', title: 'One frame per function and source line' },
];

export function ViewControls({ current }: { current: CurrentProfile }) {
  const { summary, file, options } = current;
  const transforms = useView((s) => s.transforms);
  // Label filters only where there are labels (or one is set, say from a shared link).
  const labelled = summary.labelKeys.length > 0 || !!(transformOf(transforms, 'tagfocus') || transformOf(transforms, 'tagignore'));
  const labelHint = (what: string) =>
    `${what} samples by label (pprof -tag${what === 'Keep only' ? 'focus' : 'ignore'}): key=regex, or a numeric range such as bytes=1kb:4kb` +
    (summary.labelKeys.length ? `. Keys: ${summary.labelKeys.join(', ')}` : '');

  return (
    <div className="view-controls" role="toolbar" aria-label="View options">
      <div className="field">
        <label htmlFor="sample-type">Sample type</label>
        <select
          id="sample-type"
          className="input"
          value={options.sampleType}
          onChange={(e) => {
            const i = Number(e.target.value);
            viewActions.setSampleType(file.id, i, summary.sampleTypes[i]?.type ?? '');
          }}
        >
          {summary.sampleTypes.map((t, i) => (
            <option key={i} value={i}>
              {t.type} ({t.unit}){i === summary.defaultSampleType ? ' · default' : ''}
            </option>
          ))}
        </select>
      </div>
      <GranularityChoice label="Granularity" labelId="granularity-label" options={GRANULARITIES} />
      <FilterInput kind="focus" label="Focus" hint="Keep only samples with a frame matching this regex (pprof -focus)" />
      <FilterInput kind="ignore" label="Ignore" hint="Drop samples with a frame matching this regex (pprof -ignore)" />
      <FilterInput kind="hide" label="Hide" hint="Remove matching frames from stacks, keeping their samples (pprof -hide)" />
      <FilterInput kind="show" label="Show" hint="Keep only matching frames in stacks; a sample left with none is dropped (pprof -show)" />
      <CollapseInput />
      {labelled && (
        <>
          <FilterInput kind="tagfocus" label="Tag focus" hint={labelHint('Keep only')} placeholder="key=regex" />
          <FilterInput kind="tagignore" label="Tag ignore" hint={labelHint('Drop')} placeholder="key=regex" />
        </>
      )}
      <ProfileExport current={current} />
      <TransformList transforms={transforms} />
    </div>
  );
}
