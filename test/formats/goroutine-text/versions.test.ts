/**
 * Goroutine dumps as real Go 1.20–1.25 runtimes print them (test/fixtures/goroutine-versions,
 * made by gen/incident3/versions.sh with toolchains from the module proxy). The expected
 * numbers come from the text itself, read with plain regexes independent of the parser:
 * every goroutine header, its id, its leaf function and its "created by" line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { goroutineStackCounts } from '../../../src/analysis/goroutines/index';
import { decodePprof } from '../../../src/formats/pprof/decode';
import { goroutines, isWriterStack, parseText } from '../../helpers/goroutines';

const ROOT = fileURLToPath(new URL('../../fixtures/goroutine-versions/', import.meta.url));
const versions = readdirSync(ROOT).sort();

interface Header {
  id: number;
  leaf: string;
  createdBy: string | null;
  parent: number;
}

/** The goroutines of a debug=2 text, by regex: header, first frame line, "created by" line. */
function headers(text: string): Header[] {
  const out: Header[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[[^\]]*\]:$/.exec(lines[i]);
    if (!h) continue;
    const leaf = /^(.+)\(.*\)$/.exec(lines[i + 1] ?? '')?.[1] ?? '';
    let createdBy: string | null = null;
    let parent = -1;
    for (let j = i + 1; j < lines.length && lines[j].trim() !== '' && !lines[j].startsWith('goroutine '); j++) {
      const c = /^created by (\S+)(?: in goroutine (\d+))?$/.exec(lines[j]);
      if (c) {
        createdBy = c[1];
        parent = c[2] ? Number(c[2]) : -1;
      }
    }
    out.push({ id: Number(h[1]), leaf, createdBy, parent });
  }
  return out;
}

const read = (v: string, name: string): string => readFileSync(`${ROOT}${v}/${name}`, 'utf8');

describe.each(versions)('%s', (v) => {
  it('was written by that release', () => {
    expect(read(v, 'GO_VERSION').trim()).toMatch(new RegExp(`^${v.replace('.', '\\.')}\\.\\d+$`));
  });

  it.each(['goroutine.debug2.txt', 'panic-with-logs.txt', 'sigquit-with-logs.txt'])('%s: every goroutine, its id, leaf and creator', (file) => {
    const text = read(v, file);
    const want = headers(text);
    expect(want.length).toBeGreaterThan(5);
    const r = parseText(text);
    expect(r.form).toBe('debug=2');
    expect(r.warnings).toEqual([]);
    const got = goroutines(r);
    expect(got.map((g) => g.id)).toEqual(want.map((h) => h.id));
    expect(got.map((g) => g.frames[0]?.split(' ')[0] ?? '')).toEqual(want.map((h) => h.leaf));
    expect(got.map((g) => g.createdBy)).toEqual(want.map((h) => h.createdBy));
    // "in goroutine N" is printed since Go 1.21.
    const parents = want.filter((h) => h.parent >= 0);
    if (v >= 'go1.21') expect(parents.length).toBeGreaterThan(0);
    for (const h of parents) expect(got.find((g) => g.id === h.id)?.parentId).toBe(h.parent);
  });

  it('the panicking goroutine comes first, running', () => {
    const [first] = goroutines(parseText(read(v, 'panic-with-logs.txt')));
    expect(first).toMatchObject({ state: 'running' });
    expect(first.frames[0]).toMatch(/^main\.checkRegistry /);
  });

  it('debug=0, debug=1 and debug=2 count the same goroutines per stack', () => {
    const d0 = goroutineStackCounts(
      { profile: decodePprof(new Uint8Array(gunzipSync(readFileSync(`${ROOT}${v}/goroutine.pb.gz`)))), dump: null },
      'function',
    );
    const d1 = goroutineStackCounts(parseText(read(v, 'goroutine.debug1.txt')), 'function');
    const d2 = goroutineStackCounts(parseText(read(v, 'goroutine.debug2.txt')), 'function');
    const others = (c: { key: string }[]) => c.filter((x) => !isWriterStack(x.key));
    expect(others(d1)).toEqual(others(d2));
    expect(others(d0)).toEqual(others(d2));
    expect(d2[0].key).toContain('main.subscribe');
    expect(d2[0].count).toBeGreaterThan(50);
  });
});
