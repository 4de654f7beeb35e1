/**
 * The lean summary of a pprof protobuf (what an archive's entries are listed and ranked
 * by) against the full decode's summary of the same bytes: on every real profile in the
 * fixtures, each field and the kind agree exactly; a profile with drop_frames is left to
 * the full decode; a malformed one throws.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePprof } from '../../../src/formats/pprof/decode';
import { classifyPprof } from '../../../src/formats/pprof/kind';
import { summarizePprof } from '../../../src/formats/pprof/summary';
import { sniff } from '../../../src/formats/sniff';
import { summarize } from '../../../src/worker/summary';

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Every fixture that is a pprof protobuf (gzipped or not), except the fuzzers' finds. */
const profiles = [...walk('test/fixtures')]
  .filter((p) => !p.includes('fuzz'))
  .flatMap((path) => {
    const raw = new Uint8Array(readFileSync(path));
    let data = raw;
    try {
      if (sniff(raw).as === 'gzip') data = new Uint8Array(gunzipSync(raw));
    } catch {
      return [];
    }
    return sniff(data).as === 'pprof' ? [{ path, data }] : [];
  });

describe('lean pprof summary', () => {
  it('finds the fixtures', () => {
    expect(profiles.length).toBeGreaterThan(100);
  });

  it.each(profiles.map((p) => [p.path, p.data] as const))('%s: equals the full decode', (_, data) => {
    let profile;
    try {
      profile = decodePprof(data);
    } catch {
      // A malformed profile: the lean pass must not call it fine either.
      expect(() => summarizePprof(data)).toThrow();
      return;
    }
    const lean = summarizePprof(data);
    const { locationCount, functionCount, pruneError, source, ...full } = summarize(profile);
    if (full.dropFrames) {
      expect(lean).toBeNull();
      return;
    }
    expect(lean).not.toBeNull();
    const { kind, ...facts } = lean!;
    expect({ ...facts, dropFrames: '' }).toEqual(full);
    expect(kind).toBe(classifyPprof(profile));
    expect([source, pruneError, locationCount! >= 0, functionCount! >= 0]).toEqual(['pprof', undefined, true, true]);
  });

  it('throws on a profile cut short', () => {
    const data = profiles.find((p) => p.path.endsWith('heap-before.pb.gz'))!.data;
    expect(() => summarizePprof(data.subarray(0, data.length - 7))).toThrow();
  });
});
