/** The Export menu of the Goroutines tab: the stack groups as debug=1 text. */
import type { Granularity } from '../../worker/types';
import { worker } from '../../state/worker';
import { saveFile } from './download';
import { ExportMenu } from './ExportMenu';

export function GoroutineExport({ file, granularity }: { file: number; granularity: Granularity }) {
  const item = {
    label: 'Goroutine groups as debug=1 text',
    run: async () => {
      const r = await worker().call('goroutineText', { file, granularity });
      saveFile(r.text, r.name, 'text/plain');
    },
  };
  return <ExportMenu items={[item]} />;
}
