/** Sample type, granularity and pprof's filters (focus/ignore/hide; tagfocus/tagignore on labelled profiles). */
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { labelFilterError } from '../../state/regex';
import { useView, viewActions } from '../../state/view';
import { VIEW_FILTER_FIELDS } from '../../analysis/calltree/view-filters';
import { GranularityChoice, type GranularityOption } from './GranularityChoice';
import { RegexInput } from './RegexInput';

const setFocus = (v: string) => viewActions.setFilter('focus', v);
const setIgnore = (v: string) => viewActions.setFilter('ignore', v);
const setHide = (v: string) => viewActions.setFilter('hide', v);
const setTagFocus = (v: string) => viewActions.setFilter('tagfocus', v);
const setTagIgnore = (v: string) => viewActions.setFilter('tagignore', v);

const GRANULARITIES: GranularityOption[] = [
  { id: 'function', label: 'Functions', title: 'One frame per function' },
  { id: 'line', label: 'Lines', title: 'One frame per function and source line' },
];

export function ViewControls({ current }: { current: CurrentProfile }) {
  const { summary, file, options } = current;
  const focus = useView((s) => s.focus);
  const ignore = useView((s) => s.ignore);
  const hide = useView((s) => s.hide);
  const tagfocus = useView((s) => s.tagfocus);
  const tagignore = useView((s) => s.tagignore);
  const anyFilter = !!(focus || ignore || hide || tagfocus || tagignore);
  // Label filters only where there are labels (or one is set, say from a shared link).
  const labelled = summary.labelKeys.length > 0 || !!(tagfocus || tagignore);
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
      <RegexInput label="Focus" hint="Keep only samples with a frame matching this regex (pprof -focus)" value={focus} onChange={setFocus} />
      <RegexInput label="Ignore" hint="Drop samples with a frame matching this regex (pprof -ignore)" value={ignore} onChange={setIgnore} />
      <RegexInput label="Hide" hint="Remove matching frames from stacks, keeping their samples (pprof -hide)" value={hide} onChange={setHide} />
      {labelled && (
        <>
          <RegexInput label="Tag focus" hint={labelHint('Keep only')} value={tagfocus} onChange={setTagFocus} validate={labelFilterError} placeholder="key=regex" />
          <RegexInput label="Tag ignore" hint={labelHint('Drop')} value={tagignore} onChange={setTagIgnore} validate={labelFilterError} placeholder="key=regex" />
        </>
      )}
      {anyFilter && (
        <button
          type="button"
          className="btn small"
          onClick={() => {
            for (const f of VIEW_FILTER_FIELDS) viewActions.setFilter(f, '');
          }}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}
