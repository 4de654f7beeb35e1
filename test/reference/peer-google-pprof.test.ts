/**
 * The peer suite: google/pprof's own test profiles (test/fixtures/peer/google-pprof),
 * every one of which `go tool pprof` opens: legacy CPU binaries, gperftools' heap,
 * growth, contention and thread texts, Java's profiles, old Go texts and protobufs.
 * goroscope must open each with pprof's sample types and sample count, and for each
 * sample type give pprof's total and its first 10 rows by flat and by cum. The expected
 * numbers are the committed golden (make-peer-golden.ts); with Go installed, the golden
 * is checked against the tool itself too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCallTree } from '../../src/analysis/calltree/calltree';
import { openBytes } from '../../src/formats/open';
import { ROOT_NODE } from '../../src/model/profile';
import { hasGo } from './go-pprof';
import { PEER_DIR, PEER_GOLDEN, peerFiles, peerGolden, type PeerGolden } from './make-peer-golden';
import { goldenRows, topRows } from './top-rows';

const goldens = JSON.parse(readFileSync(PEER_GOLDEN, 'utf8')) as PeerGolden[];
const open = async (rel: string) => openBytes(new Uint8Array(readFileSync(join(PEER_DIR, rel))));

describe('google/pprof test profiles: goroscope against go tool pprof', () => {
  it('has a golden for each of the 21 profiles', () => {
    expect(goldens.map((g) => g.file)).toEqual(peerFiles());
    expect(goldens).toHaveLength(21);
  });

  describe.each(goldens.map((g) => [g.file, g] as const))('%s', (rel, g) => {
    it('opens with pprof sample types, sample count and stacks', async () => {
      const { profile } = await open(rel);
      const p = profile!;
      expect(p.sampleTypes).toEqual(g.sampleTypes);
      expect(p.samples.count).toBe(g.sampleCount);
      expect(Array.from(p.samples.stack).filter((n) => n !== ROOT_NODE)).toHaveLength(g.traceCount);
    });

    it.each(Object.keys(g.byType))('%s: total and top 10 by flat and by cum', async (type) => {
      const { profile } = await open(rel);
      const p = profile!;
      const want = g.byType[type];
      const spec = { sampleType: p.sampleTypes.findIndex((t) => t.type === type), granularity: 'function' as const };
      expect(buildCallTree(p, spec).profileTotal).toBe(want.total);
      expect(topRows(p, spec, 'flat')).toEqual(goldenRows(want.top));
      expect(topRows(p, spec, 'cum')).toEqual(goldenRows(want.cumTop));
    });
  });

  it.runIf(hasGo())('the golden is what the installed go tool pprof says', () => {
    for (const g of goldens) expect(peerGolden(g.file)).toEqual(g);
  }, 120_000);
});
