/**
 * Bundles a TypeScript entry for Node with esbuild, as the app's build bundles it for the
 * browser, so the Node benchmarks time the code that ships. Under tsx every imported
 * binding is read through a getter, which made the trace parser several times slower
 * than the same code bundled.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Bundles `entry` (relative to the project root) into bench/out/NAME.mjs; returns its path. */
export async function bundleForNode(entry: string, name: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(ROOT, 'bench/out', `${name}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', target: 'es2022', outfile, logLevel: 'warning' });
  return outfile;
}

/** Imports the bundled `entry` (see bundleForNode). */
export async function importBundled<T>(entry: string, name: string): Promise<T> {
  return (await import(pathToFileURL(await bundleForNode(entry, name)).href)) as T;
}
