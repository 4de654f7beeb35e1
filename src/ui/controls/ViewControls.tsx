/** Sample type, granularity and pprof's focus/ignore/hide filters for the selected profile. */
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useView, viewActions } from '../../state/view';
import { GranularityChoice, type GranularityOption } from './GranularityChoice';
import { RegexInput } from './RegexInput';

const setFocus = (v: string) => viewActions.setFilter('focus', v);
const setIgnore = (v: string) => viewActions.setFilter('ignore', v);
const setHide = (v: string) => viewActions.setFilter('hide', v);

const GRANULARITIES: GranularityOption[] = [
  { id: 'function', label: 'Functions', title: 'One frame per function' },
  { id: 'line', label: 'Lines', title: 'One frame per function and source line' },
];

export function ViewControls({ current }: { current: CurrentProfile }) {
  const { summary, file, options } = current;
  const focus = useView((s) => s.focus);
  const ignore = useView((s) => s.ignore);
  const hide = useView((s) => s.hide);
  const anyFilter = !!(focus || ignore || hide);

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
      <RegexInput label="Focus" hint="Keep only samples with a frame matching this regex (pprof -focus)" value={focus} onChange={setFocus} />
      <RegexInput label="Ignore" hint="Drop samples with a frame matching this regex (pprof -ignore)" value={ignore} onChange={setIgnore} />
      <RegexInput label="Hide" hint="Remove matching frames from stacks, keeping their samples (pprof -hide)" value={hide} onChange={setHide} />
      {anyFilter && (
        <button
          type="button"
          className="btn small"
          onClick={() => {
            setFocus('');
            setIgnore('');
            setHide('');
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
