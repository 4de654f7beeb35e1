/** The pprof entries of an Export menu (plain and redacted) and the redaction dialog they open. */
import { useState } from 'react';
import type { WorkerClient } from '../../worker/client';
import type { ExportSource } from '../../worker/export-api';
import type { ExportItem } from './ExportMenu';
import { saveFile } from './download';
import { PPROF_TYPE } from './pprof-type';
import { RedactDialog } from './RedactDialog';

export function usePprofExport(client: WorkerClient, source: ExportSource, label: string): { items: ExportItem[]; dialog: React.ReactNode } {
  const [redacting, setRedacting] = useState(false);
  const items: ExportItem[] = [
    {
      label: `${label} (.pb.gz)`,
      run: async () => {
        const r = await client.call('exportPprof', { source, redact: null });
        saveFile(r.bytes, r.name, PPROF_TYPE);
      },
    },
    { label: `${label}, redacted…`, run: () => setRedacting(true) },
  ];
  const dialog = redacting ? <RedactDialog client={client} source={source} onClose={() => setRedacting(false)} /> : null;
  return { items, dialog };
}
