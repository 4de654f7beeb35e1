/** The Export menu of the series ranking: every ranked function as CSV (not only the rows shown), each snapshot's value in base units. */
import type { WorkerClient } from '../../worker/client';
import type { CompareView, SeriesMeasure } from '../../worker/compare-api';
import type { FileId } from '../../worker/types';
import { formatValue } from '../../state/format';
import { toCsv, type Cell } from './csv';
import { saveFile } from './download';
import { ExportMenu } from './ExportMenu';

interface Props {
  client: WorkerClient;
  files: FileId[];
  sampleType: string;
  measure: SeriesMeasure;
  rowCount: number;
  view: CompareView;
}

export function SeriesExport({ client, files, sampleType, measure, rowCount, view }: Props) {
  const run = async () => {
    const data = await client.call('seriesRank', { files, sampleType, measure, limit: rowCount, ...view });
    const unit = data.unit;
    const header = ['rank', 'function', 'file', ...data.snapshots.map((s) => `${s.name} (${unit})`), `change (${unit})`, 'change', `slope per step (${unit})`, 'steps grew', 'steps'];
    const rows = data.rows.map((r, i): Cell[] => [i + 1, r.name, r.file, ...r.values, r.change, formatValue(r.change, unit), r.slope, r.grewSteps, r.steps]);
    saveFile(toCsv(header, rows), `series-${sampleType}-${measure}.csv`, 'text/csv');
  };
  return <ExportMenu items={[{ label: 'Series ranking as CSV', run }]} />;
}
