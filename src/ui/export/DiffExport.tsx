/** The Export menu of the Compare tab: the diff as pprof's own diff profile. */
import type { DiffRequest } from '../../worker/compare-api';
import type { WorkerClient } from '../../worker/client';
import { ExportMenu } from './ExportMenu';
import { usePprofExport } from './usePprofExport';

export function DiffExport({ client, request }: { client: WorkerClient; request: DiffRequest }) {
  const { base, target, sampleType, meaning, normalize, transforms } = request;
  const source = { kind: 'diff', base, target, sampleType, meaning, normalize, transforms } as const;
  const pprof = usePprofExport(client, source, `pprof diff profile (-${meaning})`);
  return (
    <>
      <ExportMenu items={pprof.items} />
      {pprof.dialog}
    </>
  );
}
