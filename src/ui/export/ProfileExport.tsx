/** The Export menu of a profile's views: what the view shows, in the formats that fit it. */
import { fileStem } from '../../analysis/export/file-name';
import { transformLabel } from '../../analysis/transforms/list';
import { formatPercent, formatValue } from '../../state/format';
import { useView } from '../../state/view';
import { worker } from '../../state/worker';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { toCsv } from './csv';
import { saveFile } from './download';
import { CopyLink } from './CopyLink';
import { ExportMenu, type ExportItem } from './ExportMenu';
import { flameItems } from './flame-items';
import { usePprofExport } from './usePprofExport';

export function ProfileExport({ current }: { current: CurrentProfile }) {
  const tab = useView((s) => s.tab);
  const pprof = usePprofExport(worker(), { kind: 'view', file: current.file.id, ...current.options }, 'pprof profile');
  // The Compare tab exports the diff instead (DiffExport).
  if (tab === 'compare') return null;
  const stem = fileStem(current.file.name);
  const filters = current.options.transforms.map(transformLabel);
  let items: ExportItem[] = [];
  if (tab === 'flame') {
    items = flameItems(
      () => document.querySelector('[data-testid=flame-chart]'),
      () => ({
        title: [current.file.name, document.querySelector('[data-testid=flame-total]')?.textContent ?? '', ...filters].filter(Boolean).join(' · '),
        legend: [],
        name: `${stem}-flame`,
      }),
    );
  }
  if (tab === 'top') {
    items = [
      {
        label: 'Top table as CSV',
        run: async () => {
          const req = { file: current.file.id, ...current.options, sort: 'flat' as const, descending: true, offset: 0 };
          const first = await worker().call('top', { ...req, limit: 1 });
          const { rows, total, unit } = await worker().call('top', { ...req, limit: first.rowCount });
          const header = ['name', 'file', `flat (${unit || 'count'})`, 'flat', 'flat%', 'sum%', `cum (${unit || 'count'})`, 'cum', 'cum%'];
          const body = rows.map((r) => [r.name, r.file, r.flat, formatValue(r.flat, unit), formatPercent(r.flat, total), formatPercent(r.sum, total), r.cum, formatValue(r.cum, unit), formatPercent(r.cum, total)]);
          saveFile(toCsv(header, body), `${stem}-top.csv`, 'text/csv');
        },
      },
    ];
  }
  return (
    <>
      <CopyLink />
      <ExportMenu items={[...items, ...pprof.items]} />
      {pprof.dialog}
    </>
  );
}
