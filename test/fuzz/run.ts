/**
 * `npm run fuzz -- --minutes N [--family NAME] [--seed S]`: the fuzzing batch of
 * fuzz.test.ts with fresh seeds, family after family, for N minutes (default 1). Each
 * failure is shrunk by fast-check and written to test/fuzz-found/FAMILY-HASH.bin, where
 * `npm test` replays it from then on; the exit status says whether any was found.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { FAMILIES, type Family } from './corpus';
import { mutated, unrelated } from './mutate';
import { holds } from './property';
import { SHAPES } from './shapes';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '1' }, family: { type: 'string' }, seed: { type: 'string' } } });
const until = Date.now() + Number(values.minutes) * 60_000;
const families = (values.family ? [values.family] : [...Object.keys(FAMILIES), 'unrelated']) as (Family | 'unrelated')[];
const FOUND = join(dirname(fileURLToPath(import.meta.url)), '../fuzz-found');
let seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
let inputs = 0;
let found = 0;
/** A family that failed is left alone for the rest of the run: its next failures are most likely the same. */
const failed = new Set<string>();

async function main(): Promise<void> {
  while (Date.now() < until && failed.size < families.length) {
    for (const family of families) {
      if (failed.has(family)) continue;
      const arb = family === 'unrelated' ? unrelated : mutated(await FAMILIES[family](), SHAPES[family]);
      const r = await fc.check(fc.asyncProperty(arb, async (b) => void (await holds(b))), { seed, numRuns: 200, endOnFailure: true });
      inputs += r.numRuns;
      if (r.failed && r.counterexample) {
        const [bytes] = r.counterexample;
        const name = `${family}-${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.bin`;
        mkdirSync(FOUND, { recursive: true });
        writeFileSync(join(FOUND, name), bytes);
        found++;
        failed.add(family);
        console.log(`${family}: failed (seed ${seed}, ${bytes.length} bytes after shrinking) → test/fuzz-found/${name}\n  ${String((r.errorInstance as Error | undefined)?.cause ?? r.errorInstance)}`);
      }
      seed = (seed + 1) % 2 ** 31;
      if (Date.now() >= until) break;
    }
  }
  console.log(`fuzz: ${inputs} inputs, ${found} failures written`);
  process.exitCode = found > 0 ? 1 : 0;
}

void main();
