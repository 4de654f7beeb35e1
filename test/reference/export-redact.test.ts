/**
 * Redacted pprof on every real fixture: the decompressed export holds none of the
 * replaced strings; `go tool pprof -top` on it shows the unredacted export's values in
 * the same order, names hashed (live when Go is installed, else read back by our own
 * decoder); and a name hashes the same way in every export of a session.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { viewDoc } from '../../src/analysis/export/pprof-view';
import { DEFAULT_KEEP, redactDoc, stringsToReplace, type RedactOptions, type RedactRole } from '../../src/analysis/export/redact';
import { findLeaks } from '../../src/analysis/export/leak-check';
import { openBytes } from '../../src/formats/open';
import { gzip } from '../../src/formats/gzip';
import { decodePprof } from '../../src/formats/pprof/decode';
import { encodePprof } from '../../src/formats/pprof/encode';
import type { PprofDoc } from '../../src/model/pprof-doc';
import { sampleTypeIndex } from '../../src/model/profile';
import { hashStrings } from '../../src/worker/redact-hash';
import { hasGo, pprofTop } from './go-pprof';
import { FIXTURES, findPprofFixtures, goldenName, readGolden, type GoldenFile } from './make-golden';
import { topRows } from './top-rows';

const DEFAULTS: RedactOptions = { keep: [...DEFAULT_KEEP], keepLabelKeys: false };
const out = mkdtempSync(join(tmpdir(), 'goroscope-redact-'));
let written = 0;

async function exportOf(rel: string): Promise<PprofDoc> {
  const g = readGolden<GoldenFile>(goldenName(rel));
  const type = g.defaultSampleType || g.sampleTypes[g.sampleTypes.length - 1].type;
  const p = (await openBytes(new Uint8Array(readFileSync(join(FIXTURES, rel))))).profile!;
  return viewDoc({ profile: p, sampleType: sampleTypeIndex(p, type) }, {});
}

async function redacted(doc: PprofDoc, opts = DEFAULTS) {
  const replace = stringsToReplace(doc, opts);
  const hashes = await hashStrings(replace.keys());
  return { replace, hashes, file: gzip(encodePprof(redactDoc(doc, replace, hashes))) };
}

function write(file: Uint8Array): string {
  const path = join(out, `r-${written++}.pb.gz`);
  writeFileSync(path, file);
  return path;
}

/** A top row's name as it reads once redacted: a function's hash, or its binary's. */
function renamer(doc: PprofDoc, replace: Map<string, RedactRole>, hashes: Map<string, string>) {
  const base = (f: string) => f.slice(f.lastIndexOf('/') + 1);
  const binaries = new Map(doc.mappings.filter((m) => replace.has(m.file)).map((m) => [`[${base(m.file)}]`, `[bin_${hashes.get(m.file)}]`]));
  return (name: string) => (replace.has(name) ? `fn_${hashes.get(name)}` : (binaries.get(name) ?? name));
}

type Row = { name: string; flat: number; cum: number };
const byName = (rows: Row[]) => [...rows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.cum - b.cum));

const fixtures = findPprofFixtures();

describe('redacted pprof export on every real fixture', () => {
  it.each(fixtures)('%s', async (rel) => {
    const doc = await exportOf(rel);
    const { replace, hashes, file } = await redacted(doc);
    // No replaced string in the decompressed bytes: searched here with Node's own search,
    // short strings (which occur by chance in binary data) as whole string-table entries.
    // That search is one scan per string, so a profile of 90k strings gets every k-th of them
    // (findLeaks, below, looks for all of them in one scan).
    const raw = gunzipSync(file);
    const table = new Set(decodePprof(raw).strings);
    const all = [...replace.keys()];
    const step = Math.ceil(all.length / 2000);
    for (const s of all.filter((_, i) => i % step === 0)) {
      if (Buffer.byteLength(s) >= 4) expect(raw.includes(Buffer.from(s)), s).toBe(false);
      else expect(table.has(s), s).toBe(false);
    }
    expect(findLeaks(raw, replace.keys())).toEqual([]);

    const rename = renamer(doc, replace, hashes);
    let want: Row[];
    let got: Row[];
    if (hasGo()) {
      want = pprofTop(write(gzip(encodePprof(doc)))).rows;
      got = pprofTop(write(file)).rows;
    } else {
      const top = async (bytes: Uint8Array) => topRows((await openBytes(bytes)).profile!, { sampleType: 0, granularity: 'function' }, 'flat', Infinity);
      want = await top(gzip(encodePprof(doc)));
      got = await top(file);
    }
    // The same values in the same order; rows of equal flat may swap, as pprof breaks ties by name.
    expect(got.map((r) => r.flat)).toEqual(want.map((r) => r.flat));
    expect(byName(got).map(({ name, flat, cum }) => ({ name, flat, cum }))).toEqual(
      byName(want.map((r) => ({ name: rename(r.name), flat: r.flat, cum: r.cum }))),
    );
  });
});

describe('redaction', () => {
  it('hashes a name the same way in every export of a session, and keeps what is asked', async () => {
    const cpu = await exportOf('incident4/cpu.pb.gz');
    const heap = await exportOf('incident4/heap.pb.gz');
    const a = await redacted(cpu);
    const b = await redacted(cpu);
    expect(Buffer.from(a.file).equals(Buffer.from(b.file))).toBe(true);
    const h = await redacted(heap);
    const shared = [...a.replace.keys()].filter((s) => h.replace.has(s));
    expect(shared).toContain('main.main');
    for (const s of shared) expect(h.hashes.get(s)).toBe(a.hashes.get(s));
    // The standard library and runtime stay by default; main does not.
    expect(a.replace.has('runtime.mallocgc')).toBe(false);
    expect(a.replace.has('fmt.Sprintf')).toBe(false);
    expect(a.replace.has('main.fakeDB.queryProperties')).toBe(true);
    const kept = await redacted(cpu, { keep: [...DEFAULT_KEEP, '^main\\.fakeDB'], keepLabelKeys: false });
    expect(kept.replace.has('main.fakeDB.queryProperties')).toBe(false);
  });

  it('replaces label values and keys, mapping files, build ids and comments; keys stay when asked', async () => {
    const doc = await exportOf('labels/cpu.pb.gz');
    const roles = new Set((await redacted(doc)).replace.values());
    for (const role of ['function', 'file', 'label key', 'label value', 'mapping', 'build id'] as const) expect(roles, role).toContain(role);
    const keys = new Set(doc.samples.flatMap((s) => s.labels.map((l) => l.key)));
    const keeping = (await redacted(doc, { ...DEFAULTS, keepLabelKeys: true })).replace;
    for (const k of keys) expect(keeping.has(k)).toBe(false);
    const commented = { ...doc, comments: ['deploy 4f2a of payments-api by alice'] };
    expect((await redacted(commented)).replace.get('deploy 4f2a of payments-api by alice')).toBe('comment');
  });
});
