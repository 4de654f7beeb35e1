/** The Export menu of the Compare tab: the diff as pprof's own diff profile. */
import type { DiffRequest } from '../../worker/compare-api';
import type { WorkerClient } from '../../worker/client';
import { saveFile } from './download';
import { ExportMenu, type ExportItem } from './ExportMenu';
import { PPROF_TYPE } from './ProfileExport';

export function DiffExport({ client, request }: { client: WorkerClient; request: DiffRequest }) {
  const { base, target, sampleType, meaning, normalize, transforms } = request;
  const items: ExportItem[] = [
    {
      label: `pprof diff profile (-${meaning}, .pb.gz)`,
      run: async () => {
        const r = await client.call('exportDiffPprof', { base, target, sampleType, meaning, normalize, transforms });
        saveFile(r.bytes, r.name, PPROF_TYPE);
      },
    },
  ];
  return <ExportMenu items={items} />;
}
