/** The Export menu of the Goroutines tab: the stack groups as debug=1 text and as CSV. */
import type { Granularity } from '../../worker/types';
import type { FrameInfo } from '../../analysis/goroutines';
import { fileStem } from '../../analysis/export/file-name';
import { useFiles } from '../../state/files';
import { worker } from '../../state/worker';
import { toCsv } from './csv';
import { saveFile } from './download';
import { ExportMenu, type ExportItem } from './ExportMenu';

const where = (f: FrameInfo | null) => (f ? `${f.func} ${f.file}:${f.line}` : '');

export function GoroutineExport({ file, granularity }: { file: number; granularity: Granularity }) {
  const name = useFiles((s) => s.files.find((f) => f.id === file)?.name ?? 'goroutines');
  const items: ExportItem[] = [
    {
      label: 'Goroutine groups as CSV',
      run: async () => {
        const req = { file, granularity, sort: 'count' as const, offset: 0 };
        const first = await worker().call('goroutineGroups', { ...req, limit: 1 });
        const { rows } = await worker().call('goroutineGroups', { ...req, limit: first.matched });
        const header = ['goroutines', 'leaked', 'percent', 'states', 'wait min (minutes)', 'wait max (minutes)', 'blocked in', 'top user frame', 'created by', 'labels', 'example ids'];
        const body = rows.map((r) => [
          r.count, r.leaked, r.percent,
          r.states.map((s) => `${s.state}: ${s.count}`).join('; '),
          r.waitMin, r.waitMax, where(r.leaf), where(r.topUserFrame), where(r.createdBy),
          r.labels.map((l) => `${l.label}: ${l.count}`).join('; '),
          r.exampleIds.join(' '),
        ]);
        saveFile(toCsv(header, body), `${fileStem(name)}-groups.csv`, 'text/csv');
      },
    },
    {
      label: 'Goroutine groups as debug=1 text',
      run: async () => {
        const r = await worker().call('goroutineText', { file, granularity });
        saveFile(r.text, r.name, 'text/plain');
      },
    },
  ];
  return <ExportMenu items={items} />;
}
