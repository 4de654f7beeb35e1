/** The Export menu of a profile's views: what the view shows, in the formats that fit it. */
import { useView } from '../../state/view';
import { worker } from '../../state/worker';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { ExportMenu } from './ExportMenu';
import { usePprofExport } from './usePprofExport';

export function ProfileExport({ current }: { current: CurrentProfile }) {
  // The Compare tab exports the diff instead (DiffExport).
  const compare = useView((s) => s.tab === 'compare');
  const pprof = usePprofExport(worker(), { kind: 'view', file: current.file.id, ...current.options }, 'pprof profile');
  if (compare) return null;
  return (
    <>
      <ExportMenu items={pprof.items} />
      {pprof.dialog}
    </>
  );
}
