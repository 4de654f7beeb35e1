/** The Export menu of a profile's views: what the view shows, in the formats that fit it. */
import { useView } from '../../state/view';
import { worker } from '../../state/worker';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { saveFile } from './download';
import { ExportMenu, type ExportItem } from './ExportMenu';

export const PPROF_TYPE = 'application/octet-stream';

export function ProfileExport({ current }: { current: CurrentProfile }) {
  // The Compare tab exports the diff instead (DiffExport).
  const compare = useView((s) => s.tab === 'compare');
  const items: ExportItem[] = [
    {
      label: 'pprof profile (.pb.gz)',
      run: async () => {
        const r = await worker().call('exportPprof', { file: current.file.id, ...current.options });
        saveFile(r.bytes, r.name, PPROF_TYPE);
      },
    },
  ];
  return compare ? null : <ExportMenu items={items} />;
}
