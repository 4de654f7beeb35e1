/**
 * A fixed-seed fuzzing batch for every parser (see property.ts for what must hold): each
 * family's real seeds mutated (mutate.ts), plus inputs owing nothing to a seed; and every
 * input a longer run found (test/fuzz-found/) replayed. `npm run fuzz -- --minutes N` runs
 * the same with fresh seeds for as long as asked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILIES, type Family } from './corpus';
import { mutated, unrelated } from './mutate';
import { holds } from './property';
import { SHAPES } from './shapes';


/** Inputs per family in `npm test`: thousands in all, in well under a minute. */
const RUNS: Record<Family, number> = {
  pprof: 1500,
  'pprof-text': 1000,
  'goroutine-text': 600,
  folded: 600,
  legacy: 1000,
  'trace-v1': 500,
  'trace-v2': 300,
  archive: 300,
};

const FOUND = join(dirname(fileURLToPath(import.meta.url)), '../fuzz-found');

describe('fuzzing, fixed seed', () => {
  it.each(Object.keys(FAMILIES) as Family[])('%s', async (family) => {
    const seeds = await FAMILIES[family]();
    const t0 = performance.now();
    const seen = { read: 0, refused: 0 };
    const count = async (b: Uint8Array) => void seen[await holds(b)]++;
    await fc.assert(fc.asyncProperty(mutated(seeds, SHAPES[family]), count), { seed: 20261207, numRuns: RUNS[family], endOnFailure: true });
    console.log(`fuzz ${family}: ${RUNS[family]} inputs from ${seeds.length} seeds (${seen.read} read, ${seen.refused} refused) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    // Mutations that leave nothing readable would test only the first check of each parser.
    expect(seen.read).toBeGreaterThan(RUNS[family] / 20);
  }, 120_000);

  it('inputs unrelated to any seed', async () => {
    const seen = { read: 0, refused: 0 };
    await fc.assert(fc.asyncProperty(unrelated, async (b) => void seen[await holds(b)]++), { seed: 20261207, numRuns: 1000, endOnFailure: true });
    console.log(`fuzz unrelated: 1000 inputs (${seen.read} read, ${seen.refused} refused)`);
  }, 120_000);
});

describe('inputs fuzzing found (test/fuzz-found/)', () => {
  const found = readdirSync(FOUND).filter((f) => f.endsWith('.bin'));
  it.each(found)('%s', async (f) => {
    await holds(new Uint8Array(readFileSync(join(FOUND, f))));
  });
});
