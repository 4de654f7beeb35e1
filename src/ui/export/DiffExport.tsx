/** The Export menu of the Compare tab: the diff flame graph, the diff table, the diff as pprof. */
import { fileStem } from '../../analysis/export/file-name';
import type { DiffRequest } from '../../worker/compare-api';
import type { WorkerClient } from '../../worker/client';
import { formatValue } from '../../state/format';
import { toCsv } from './csv';
import { saveFile } from './download';
import { CopyLink } from './CopyLink';
import { ExportMenu, type ExportItem } from './ExportMenu';
import { flameItems } from './flame-items';
import type { LegendEntry } from './flame-image';
import { usePprofExport } from './usePprofExport';

/** The legend as shown: each swatch's colour (the hatch: the page's pattern for new frames) and text. */
function legendOnScreen(): LegendEntry[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.compare-legend-stops li'), (li) => {
    const swatch = li.querySelector<HTMLElement>('.swatch');
    const hatch = document.querySelector('pattern[id$="-new"]');
    const colour = swatch?.classList.contains('hatch') && hatch ? `url(#${hatch.id})` : swatch ? getComputedStyle(swatch).backgroundColor : 'transparent';
    return { colour, label: li.textContent?.trim() ?? '' };
  });
}

interface Props {
  client: WorkerClient;
  request: DiffRequest;
  names: { base: string; target: string };
  /** The flame graph is on screen (not the series view). */
  flame: boolean;
}

export function DiffExport({ client, request, names, flame }: Props) {
  const { base, target, sampleType, meaning, normalize, transforms } = request;
  const source = { kind: 'diff', base, target, sampleType, meaning, normalize, transforms } as const;
  const pprof = usePprofExport(client, source, `pprof diff profile (-${meaning})`);
  const stem = `${fileStem(names.target)}-vs-${fileStem(names.base)}`;
  const title = `${names.target} − ${names.base} · ${sampleType} · -${meaning}${normalize ? ' -normalize' : ''}`;
  const table: ExportItem = {
    label: 'Diff table as CSV',
    run: async () => {
      const req = { ...request, sort: 'growth' as const, descending: true, offset: 0 };
      const first = await client.call('diffTop', { ...req, limit: 1 });
      const { rows, unit } = await client.call('diffTop', { ...req, limit: first.rowCount });
      const u = unit || 'count';
      const header = ['name', 'file', `flat before (${u})`, `flat after (${u})`, `flat Δ (${u})`, 'flat Δ', 'flat Δ%', `cum before (${u})`, `cum after (${u})`, `cum Δ (${u})`, 'cum Δ', 'cum Δ%', 'status'];
      const body = rows.map((r) => [
        r.name, r.file, r.flatBefore, r.flatAfter, r.flatDelta, formatValue(r.flatDelta, unit), r.flatPercent,
        r.cumBefore, r.cumAfter, r.cumDelta, formatValue(r.cumDelta, unit), r.cumPercent, r.status,
      ]);
      saveFile(toCsv(header, body), `${stem}-diff.csv`, 'text/csv');
    },
  };
  const images = flame
    ? flameItems(
        () => document.querySelector('[data-testid=diff-flame-chart]'),
        () => ({ title, legend: legendOnScreen(), name: `${stem}-diff-flame` }),
      )
    : [];
  return (
    <>
      <CopyLink />
      <ExportMenu items={[...images, table, ...pprof.items]} />
      {pprof.dialog}
    </>
  );
}
