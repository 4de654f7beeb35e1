/**
 * `npm run bench`: prints our numbers next to a peer measured in the same run.
 * Optional parts run when their inputs exist (large generated files are not committed).
 */
import { existsSync } from 'node:fs';
import { benchBrowser } from './browser';
import { benchPprof } from './pprof';

const LARGE_CPU = 'test/fixtures/large/cpu-large.pb.gz';

async function main(): Promise<void> {
  const only = process.argv[2];
  if ((!only || only === 'pprof') && existsSync(LARGE_CPU)) await benchPprof(LARGE_CPU);
  if ((!only || only === 'browser') && existsSync(LARGE_CPU)) await benchBrowser(LARGE_CPU);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
