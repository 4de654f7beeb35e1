import { describe, expect, it } from 'vitest';
import { G_TRUNCATED } from '../../../src/model/goroutines';
import { parseGoroutineText } from '../../../src/formats/goroutine-text/index';
import { ParseError } from '../../../src/formats/parse-error';
import { fixtureBytes, goroutines, parseText } from '../../helpers/goroutines';

const d2 = new TextDecoder().decode(fixtureBytes('goroutine-t2.debug2.txt'));
const d1 = new TextDecoder().decode(fixtureBytes('goroutine-t2.debug1.txt'));
const panicText = new TextDecoder().decode(fixtureBytes('panic-with-logs.txt'));
const all = goroutines(parseText(d2));

/** Line number (1-based) of the first line equal to `line`. */
const lineOf = (text: string, line: string): number => text.split('\n').indexOf(line) + 1;

describe('a dump cut off mid-stack', () => {
  // Cut inside the 5th frame's file:line of the 100th goroutine.
  const header = `goroutine ${all[99].id} [`;
  const start = d2.indexOf('\n' + header) + 1;
  let cut = start;
  for (let i = 0; i < 10; i++) cut = d2.indexOf('\n', cut) + 1; // header + 4 frames + next function line
  cut += 12; // into the file:line

  it('keeps what is complete and reports the truncation', () => {
    const r = parseText(d2.slice(0, cut));
    const g = goroutines(r);
    expect(g).toHaveLength(100);
    expect(g.slice(0, 99)).toEqual(all.slice(0, 99));
    expect(g[99].frames).toEqual(all[99].frames.slice(0, 4));
    expect(g[99].flags & G_TRUNCATED).toBe(G_TRUNCATED);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(new RegExp(`ends inside goroutine ${all[99].id} \\(header at line \\d+\\): the dump was cut off; kept its 4 complete frames`));
  });

  it('also when the cut falls right after a function line', () => {
    const atLine = d2.lastIndexOf('\n', cut) + 1;
    const r = parseText(d2.slice(0, atLine));
    expect(goroutines(r)[99].frames).toHaveLength(4);
    expect(r.warnings[0]).toMatch(/cut off/);
  });

  it('debug=1: a group without its closing blank line', () => {
    const r = parseGoroutineText(new TextEncoder().encode(d1.slice(0, d1.indexOf('main.subscribe') + 5)));
    expect(r.warnings.join('\n')).toMatch(/profile was cut off/);
    expect(r.profile.samples.count).toBeGreaterThan(0);
  });
});

describe('one malformed goroutine', () => {
  it('is skipped, the others kept, and the bad line named (broken file:line)', () => {
    const broken = '\t/usr/local/go/src/internal/sync/mutex.go:149 +0x15d';
    expect(panicText).toContain(broken);
    const n = lineOf(panicText, broken);
    const r = parseText(panicText.replace(broken, '\tgarbled location'));
    const g = goroutines(r);
    expect(g).toHaveLength(10);
    expect(g.map((x) => x.state)).not.toContain('sync.Mutex.Lock');
    expect(r.warnings[0]).toBe(
      `line ${n}: skipped goroutine 8 (header at line 18): expected the file:line of the function on line ${n - 1}, got "\\tgarbled location"`,
    );
    expect(r.warnings[1]).toBe('1 malformed goroutine was skipped');
  });

  it('many malformed goroutines: five named, the rest counted', () => {
    const headerless = Array.from({ length: 40 }, (_, i) => `goroutine ${1000 + i} [running]:\n`).join('\n');
    const r = parseText(`${panicText}\n${headerless}`);
    expect(goroutines(r)).toHaveLength(goroutines(parseText(panicText)).length);
    expect(r.warnings.filter((w) => /followed by no frames/.test(w))).toHaveLength(5);
    expect(r.warnings).toContain('35 more such lines not listed');
    expect(r.warnings).toContain('40 malformed goroutines were skipped');
  });

  it('is skipped when a stray line sits between its frames', () => {
    const frame = 'sync.(*WaitGroup).Wait(0x';
    const at = panicText.indexOf(frame);
    const n = panicText.slice(0, at).split('\n').length;
    const r = parseText(panicText.slice(0, at) + '@@@ stray text\n' + panicText.slice(at));
    expect(goroutines(r)).toHaveLength(10);
    expect(r.warnings[0]).toMatch(new RegExp(`^line ${n}: skipped goroutine 9 .*unexpected line inside the stack: "@@@ stray text"`));
  });

  it('debug=1: a group with a broken frame line is skipped and named', () => {
    const lines = d1.split('\n');
    const i = lines.findIndex((l) => l.includes('main.(*cron).run'));
    lines[i] = '#\tnot a frame';
    const r = parseGoroutineText(new TextEncoder().encode(lines.join('\n')));
    expect(r.warnings[0]).toBe(`line ${i + 1}: skipped a group of 1 goroutines: not a frame line: "#\\tnot a frame"`);
    expect(r.warnings[1]).toMatch(/groups hold \d+ goroutines but the header says total \d+/);
  });
});

describe('text that is not a dump', () => {
  it.each([
    ['a log', '2024/05/01 12:00:00 server started\n2024/05/01 12:00:01 goroutine count high\n'],
    ['collapsed stacks', 'main;foo;bar 12\nmain;baz 3\n'],
    ['empty', ''],
  ])('%s gets a clear error, placed at its end (read through, nothing found)', (_, text) => {
    expect(() => parseText(text)).toThrow(ParseError);
    expect(() => parseText(text)).toThrow(expect.objectContaining({ offset: new TextEncoder().encode(text).length, line: undefined }));
    expect(() => parseText(text)).toThrow(/not a Go goroutine dump/);
  });

  it('binary data gets a clear error', () => {
    expect(() => parseGoroutineText(fixtureBytes('goroutine-t1.pb.gz'))).toThrow(/not a Go goroutine dump/);
  });
});
