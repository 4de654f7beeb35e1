// Writes test/fixtures/peer/google-pprof/golden.json: what `go tool pprof` says about each
// of google/pprof's own test profiles (sample types, sample count, how many stacks
// -traces prints, and per sample type the total and the first 10 rows of -top and
// -top -cum), so peer-google-pprof.test.ts can check goroscope without Go.
//
//   npx tsx test/reference/make-peer-golden.ts

import { readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pprofRawSummary, runPprof, type SampleType } from './go-pprof';
import { FIXTURES, goldenTop, type GoldenTop } from './make-golden';

export const PEER_DIR = join(FIXTURES, 'peer', 'google-pprof');
export const PEER_GOLDEN = join(PEER_DIR, 'golden.json');
const TOP_ROWS = 10;

export interface PeerGolden {
  /** Path relative to PEER_DIR ("profile/gobench.heap"). */
  file: string;
  sampleTypes: SampleType[];
  sampleCount: number;
  /** Samples `-traces` prints: those with at least one frame. */
  traceCount: number;
  byType: Record<string, GoldenTop>;
}

/** The peer profiles, relative to PEER_DIR: every file of its profile/, driver/ and report/ folders. */
export function peerFiles(): string[] {
  return ['profile', 'driver', 'report'].flatMap((d) => readdirSync(join(PEER_DIR, d)).map((f) => `${d}/${f}`)).sort();
}

export function peerGolden(rel: string): PeerGolden {
  const abs = join(PEER_DIR, rel);
  const raw = pprofRawSummary(abs);
  const byType: Record<string, GoldenTop> = {};
  for (const st of raw.sampleTypes) {
    const g = goldenTop(abs, { sampleIndex: st.type });
    byType[st.type] = { total: g.total, top: g.top.slice(0, TOP_ROWS), cumTop: g.cumTop.slice(0, TOP_ROWS) };
  }
  // A separator line opens each stack, and one more closes the list.
  const separators = runPprof(['-traces', abs]).split('\n').filter((l) => l.startsWith('-----------+')).length;
  return { file: rel, sampleTypes: raw.sampleTypes, sampleCount: raw.sampleCount, traceCount: Math.max(0, separators - 1), byType };
}

function main(): void {
  const all = peerFiles().map((rel) => {
    console.log(`peer golden: ${rel}`);
    return peerGolden(rel);
  });
  writeFileSync(PEER_GOLDEN, `${JSON.stringify(all, null, 1)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
