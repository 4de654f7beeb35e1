/**
 * Three or more snapshots of one process: every function's value across them, ranked
 * by steady growth (how many steps grew, then a robust slope), with a sparkline each.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FileId, FileInfo } from '../../worker/types';
import type { WorkerClient } from '../../worker/client';
import type { CompareView, SeriesMeasure } from '../../worker/compare-api';
import { formatValue, visibleMarks } from '../../state/format';
import { formatDelta } from './format';
import { Sparkline } from './Sparkline';
import { SeriesExport } from '../export/SeriesExport';
import { useCall } from '../shared/useWorkerCall';

interface Props {
  client: WorkerClient;
  files: FileInfo[];
  /** The snapshots ticked at first; the user ticks others. */
  snapshots: FileId[];
  view: CompareView;
}

export function SeriesView({ client, files, snapshots, view }: Props) {
  const profiles = files.filter((f) => f.profile);
  const [chosen, setChosen] = useState<FileId[] | null>(null);
  const [measure, setMeasure] = useState<SeriesMeasure>('flat');
  const [sampleType, setSampleType] = useState<string | null>(null);
  const selected = chosen ?? snapshots;
  const types = useMemo(() => {
    const sets = selected.map((id) => profiles.find((f) => f.id === id)?.profile?.sampleTypes.map((t) => t.type) ?? []);
    return sets.length ? sets.reduce((a, s) => a.filter((t) => s.includes(t))) : [];
  }, [selected, profiles]);
  useEffect(() => {
    if (types.length && (!sampleType || !types.includes(sampleType))) setSampleType(types.includes('inuse_space') ? 'inuse_space' : types[types.length - 1]);
  }, [types, sampleType]);

  const ready = selected.length >= 3 && sampleType && types.includes(sampleType);
  const rank = useCall(client, 'seriesRank', ready ? { files: selected, sampleType, measure, limit: 100, ...view } : null);
  const data = rank.data;
  const toggle = (id: FileId) => setChosen(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);

  return (
    <section className="compare-series" aria-label="Growth across snapshots">
      <fieldset className="compare-series-files">
        <legend>Snapshots (3 or more, ordered by profile time)</legend>
        {profiles.map((f) => (
          <label key={f.id}>
            <input type="checkbox" checked={selected.includes(f.id)} onChange={() => toggle(f.id)} />
            {visibleMarks(f.name)}
          </label>
        ))}
      </fieldset>
      <div className="compare-series-controls">
        <label>
          <span className="muted">Sample type</span>
          <select aria-label="Series sample type" value={sampleType ?? ''} onChange={(e) => setSampleType(e.target.value)} disabled={!types.length}>
            {types.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <div role="radiogroup" aria-label="Rank by" className="seg">
          {(['flat', 'cum'] as const).map((m) => (
            <label key={m} className={measure === m ? 'on' : ''}>
              <input type="radio" name="series-measure" checked={measure === m} onChange={() => setMeasure(m)} />
              {m === 'flat' ? 'flat (allocation site)' : 'cum (with callees)'}
            </label>
          ))}
        </div>
      </div>
      {selected.length < 3 && <p className="view-empty">Pick three or more snapshots of one process with a common sample type.</p>}
      {selected.length >= 3 && !types.length && <p className="view-error" role="alert">These snapshots share no sample type.</p>}
      {rank.error && <p className="view-error" role="alert">{rank.error}</p>}
      {data && (
        <>
          {sampleType && <SeriesExport client={client} files={selected} sampleType={sampleType} measure={measure} rowCount={data.rowCount} view={view} />}
          <p className="muted compare-series-note">
            Ranked by steady growth: the number of steps that grew (by more than 0.1% of the largest total), then the
            Theil–Sen slope, so a function that grows at every step comes before a bigger one that jumped once.{' '}
            {data.snapshots.map((s) => s.name).join(' → ')}
          </p>
          <div className="compare-table-scroll">
            <table data-testid="series-table">
              <thead>
                <tr>
                  <th scope="col" className="num">#</th>
                  <th scope="col">function</th>
                  <th scope="col">trend</th>
                  <th scope="col" className="num">first</th>
                  <th scope="col" className="num">last</th>
                  <th scope="col" className="num">change</th>
                  <th scope="col" className="num">slope / step</th>
                  <th scope="col" className="num">steps grew</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r, i) => (
                  <tr key={r.name} className={r.grewSteps === r.steps && r.steps > 0 ? 'grew' : ''}>
                    <td className="num">{i + 1}</td>
                    <th scope="row" className="fn" title={visibleMarks(r.name)}>{visibleMarks(r.name)}</th>
                    <td className="trend">
                      <Sparkline values={r.values} label={`${r.name}: ${r.values.map((v) => formatValue(v, data.unit)).join(', ')}`} />
                    </td>
                    <td className="num">{formatValue(r.values[0] ?? 0, data.unit)}</td>
                    <td className="num">{formatValue(r.values[r.values.length - 1] ?? 0, data.unit)}</td>
                    <td className="num">{formatDelta(r.change, data.unit)}</td>
                    <td className="num">{formatDelta(r.slope, data.unit)}</td>
                    <td className="num">{r.grewSteps} of {r.steps}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
