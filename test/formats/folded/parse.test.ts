import { describe, expect, it } from 'vitest';
import { looksLikeFolded, parseFolded } from '../../../src/formats/folded/parse';
import { stackFrames, frameName } from '../../../src/model/profile';
import { refusedAt } from '../../helpers/text-place';

const parse = (text: string) => parseFolded(new TextEncoder().encode(text));

describe('collapsed stacks', () => {
  const text = [
    '# phpspy-style comment',
    'main;Scheduler::run;Task::execute;Http::get 30',
    'main;Scheduler::run;Task::execute;Http::get 12',
    'main;Scheduler::run;Task::register 5',
    '',
    'py_main (app.py:10);handler (app.py:42) 7',
  ].join('\n');

  it('is recognised from its content', () => {
    expect(looksLikeFolded(text, true)).toBe(true);
    expect(looksLikeFolded('hello world\nthis is prose\n', true)).toBe(false);
    // A head cut mid-line is not judged on its last line.
    expect(looksLikeFolded('a;b 1\na;c 2\na;d', false)).toBe(true);
  });

  it('parses stacks root first, merging identical stacks in the trie', () => {
    const { profile, warnings } = parse(text);
    expect(warnings).toEqual([]);
    expect(profile.samples.count).toBe(4);
    expect(profile.samples.values[0].reduce((a, b) => a + b, 0)).toBe(54);
    const leafFirst = stackFrames(profile, profile.samples.stack[0]).map((f) => frameName(profile, f));
    expect(leafFirst).toEqual(['Http::get', 'Task::execute', 'Scheduler::run', 'main']);
    expect(profile.samples.stack[0]).toBe(profile.samples.stack[1]);
    expect(frameName(profile, stackFrames(profile, profile.samples.stack[3])[0])).toBe('handler (app.py:42)');
  });

  it('skips malformed lines with a warning naming them', () => {
    const { profile, warnings } = parse('a;b 3\nnot a stack line\na;c 4\n');
    expect(profile.samples.count).toBe(2);
    expect(warnings[0]).toMatch(/line 2/);
  });

  it('skips negative counts (not the format) and counts past 2^53 (not exact), naming the lines', () => {
    const { profile, warnings } = parse('a;b 3\na;c -4\na;d 9007199254740993\n');
    expect(profile.samples.count).toBe(1);
    expect(warnings).toEqual(['line 2 skipped: not "frame;frame;… count"', 'line 3 skipped: its count is past 2^53']);
  });

  it('rejects text with no stacks at its first line that is not one (by line and UTF-8 byte offset)', () => {
    const text = '# über-comment\n\njust wörds\nmore words\n';
    expect(() => parse(text)).toThrow(/no "frame;frame/);
    expect(() => parse(text)).toThrow(expect.objectContaining(refusedAt(text, 3)));
    expect(refusedAt(text, 3).offset).toBe(17); // "ü" is two bytes
  });

  it('rejects text of only comments at its end', () => {
    expect(() => parse('# a\n# b\n')).toThrow(expect.objectContaining({ offset: 8, line: undefined }));
  });
});
