/** The ordered transform list: its text (URL hash and cache key), its edits and the call tree's view. */
import { describe, expect, it } from 'vitest';
import type { Transform } from '../../../src/analysis/transforms/kinds';
import {
  applicableTransforms,
  granularityOf,
  parseTransforms,
  stringifyTransforms,
  transformError,
  transformLabel,
  transformOf,
  treeViewOf,
  withTransform,
} from '../../../src/analysis/transforms/list';

const list: Transform[] = [
  { kind: 'focus', pattern: '^main\\.(load|read)Rules$' },
  { kind: 'granularity', value: 'line' },
  { kind: 'tagfocus', pattern: 'endpoint=/search,/checkout' },
  { kind: 'hide', pattern: 'a&b=c#d e+f' },
];

describe('transform text', () => {
  it('keeps pprof names as parameters, in order, and round-trips punctuation', () => {
    const text = stringifyTransforms(list);
    expect(text.split('&').map((p) => p.split('=')[0])).toEqual(['focus', 'g', 'tagfocus', 'hide']);
    expect(parseTransforms(text)).toEqual(list);
  });
  it('reads links written before transforms, with URLSearchParams escaping', () => {
    expect(parseTransforms('view=top&st=alloc_space&g=line&focus=fakeDB&tagignore=bytes%3D1kb%3A&hide=a+b')).toEqual([
      { kind: 'granularity', value: 'line' },
      { kind: 'focus', pattern: 'fakeDB' },
      { kind: 'tagignore', pattern: 'bytes=1kb:' },
      { kind: 'hide', pattern: 'a b' },
    ]);
  });
  it("writes pprof's -show and -prune_from under their flags' names, prune steps in order and checked as regexes", () => {
    const steps: Transform[] = [
      { kind: 'show', pattern: '^main\\.' },
      { kind: 'prunefrom', pattern: '^fmt\\.Sprintf$' },
      { kind: 'prefix', prefix: 'runtime/' },
      { kind: 'prunefrom', pattern: 'mallocgc' },
    ];
    expect(stringifyTransforms(steps)).toBe('show=%5Emain%5C.&prune_from=%5Efmt%5C.Sprintf%24&collapse=runtime%2F&prune_from=mallocgc');
    expect(parseTransforms(stringifyTransforms(steps))).toEqual(steps);
    expect(treeViewOf(steps)).toEqual({ granularity: 'function', show: '^main\\.', stack: steps.slice(1) });
    expect(transformError({ kind: 'prunefrom', pattern: '(' })).toBe('Unterminated group');
  });
  it('skips what asks for nothing and garbage', () => {
    expect(parseTransforms('g=function&g=file&focus=&ignore=%%%&x=1&hide')).toEqual([]);
    expect(stringifyTransforms([])).toBe('');
  });
  it('gives equal lists equal keys and different lists different keys', () => {
    expect(stringifyTransforms(parseTransforms(stringifyTransforms(list)))).toBe(stringifyTransforms(list));
    expect(stringifyTransforms([{ kind: 'focus', pattern: 'a' }])).not.toBe(stringifyTransforms([{ kind: 'ignore', pattern: 'a' }]));
  });
});

describe('transform edits', () => {
  it('replaces an entry of the same kind in place, appends a new kind, and removes an empty one', () => {
    const a = withTransform(list, { kind: 'focus', pattern: 'x' });
    expect(a[0]).toEqual({ kind: 'focus', pattern: 'x' });
    expect(a).toHaveLength(4);
    expect(withTransform(list, { kind: 'ignore', pattern: 'y' })[4]).toEqual({ kind: 'ignore', pattern: 'y' });
    expect(withTransform(list, { kind: 'granularity', value: 'function' }).map((t) => t.kind)).toEqual(['focus', 'tagfocus', 'hide']);
    expect(withTransform(list, { kind: 'tagfocus', pattern: '' }).map((t) => t.kind)).toEqual(['focus', 'granularity', 'hide']);
    expect(transformOf(list, 'hide')?.pattern).toBe('a&b=c#d e+f');
    expect(transformOf(list, 'ignore')).toBeUndefined();
  });
  it('labels each entry and says why one cannot apply', () => {
    expect(list.map(transformLabel)).toEqual([
      'Focus: ^main\\.(load|read)Rules$',
      'Granularity: line',
      'Tag focus: endpoint=/search,/checkout',
      'Hide: a&b=c#d e+f',
    ]);
    expect(transformError({ kind: 'ignore', pattern: 'load(' })).toMatch(/Unterminated group/);
    expect(transformError({ kind: 'tagignore', pattern: 'endpoint=/ok,(' })).toMatch(/Unterminated group/);
    expect(applicableTransforms([...list, { kind: 'ignore', pattern: 'load(' }])).toEqual(list);
  });
});

describe('the call tree view', () => {
  it("is pprof's options, function granularity by default", () => {
    expect(treeViewOf([])).toEqual({ granularity: 'function' });
    expect(treeViewOf(list)).toEqual({
      granularity: 'line',
      focus: '^main\\.(load|read)Rules$',
      hide: 'a&b=c#d e+f',
      tagfocus: 'endpoint=/search,/checkout',
    });
    expect(granularityOf(list)).toBe('line');
  });
});

describe('stack transforms in the list', () => {
  it('may repeat, keep their order, skip an equal step, and round-trip names and call paths with any punctuation', () => {
    let list = withTransform([], { kind: 'merge', name: 'main.(*q[go.shape.struct { A string; B int }]).Add' });
    list = withTransform(list, { kind: 'focus', pattern: 'x' });
    list = withTransform(list, { kind: 'merge', name: 'fmt.Sprintf' });
    list = withTransform(list, { kind: 'merge', name: 'fmt.Sprintf' });
    list = withTransform(list, { kind: 'subtree', path: ['main.main', 'a&b=c#d e+f', 'x;y'] });
    list = withTransform(list, { kind: 'prefix', prefix: 'runtime/' });
    expect(list.map((t) => t.kind)).toEqual(['merge', 'focus', 'merge', 'subtree', 'prefix']);
    expect(parseTransforms(stringifyTransforms(list))).toEqual(list);
    expect(list.map(transformLabel).slice(3)).toEqual(['Focus on subtree: main.main → a&b=c#d e+f → x;y', 'Collapse: runtime/*']);
  });

  it('are applied in list order after pprof filters', () => {
    const view = treeViewOf([
      { kind: 'rec', name: 'f' },
      { kind: 'ignore', pattern: 'g' },
      { kind: 'drop', name: 'h' },
    ]);
    expect(view).toEqual({ granularity: 'function', ignore: 'g', stack: [{ kind: 'rec', name: 'f' }, { kind: 'drop', name: 'h' }] });
  });
});
