/** The Export menu of the trace's goroutine analysis: its groups as CSV, each time in ns beside its formatted value. */
import type { GoroutineGroup } from '../../analysis/trace/groups';
import { TIME_CATEGORIES } from '../../analysis/trace/groups';
import { fileStem } from '../../analysis/export/file-name';
import { formatNanos } from '../../state/format';
import { toCsv, type Cell } from './csv';
import { saveFile } from './download';
import { ExportMenu } from './ExportMenu';

/** "execNs" → "exec": the column's name without its unit. */
const stem = (c: string) => c.replace(/Ns$/, '');

function traceGroupsCsv(groups: GoroutineGroup[]): string {
  const header = ['start function', 'goroutines', 'alive at end', ...TIME_CATEGORIES.flatMap((c) => [`${stem(c)} total (ns)`, `${stem(c)} total`, `${stem(c)} mean (ns)`])];
  const rows = groups.map((g): Cell[] => [g.name, g.count, g.alive, ...TIME_CATEGORIES.flatMap((c) => [g.total[c], formatNanos(g.total[c]), Math.round(g.mean[c])])]);
  return toCsv(header, rows);
}

export function TraceGroupsExport({ fileName, groups }: { fileName: string; groups: GoroutineGroup[] }) {
  return (
    <ExportMenu
      items={[{ label: 'Goroutine analysis as CSV', run: () => saveFile(traceGroupsCsv(groups), `${fileStem(fileName)}-goroutine-analysis.csv`, 'text/csv') }]}
    />
  );
}
