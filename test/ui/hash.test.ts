import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_STATE, decodeHash, encodeHash } from '../../src/state/hash';
import { escapeRegex, labelFilterError, regexError } from '../../src/state/regex';

describe('URL hash', () => {
  it('leaves defaults out', () => {
    expect(encodeHash(DEFAULT_HASH_STATE)).toBe('');
    expect(decodeHash('')).toEqual(DEFAULT_HASH_STATE);
  });
  it('round-trips every shareable field, including regex punctuation', () => {
    const s = {
      view: 'top' as const,
      sampleType: 'alloc_space',
      granularity: 'line' as const,
      focus: '^main\\.(load|read)Rules$',
      ignore: 'runtime\\..*',
      hide: 'a&b=c#d e+f',
      tagfocus: 'endpoint=/search,/checkout',
      tagignore: 'bytes=1kb:',
    };
    const h = encodeHash(s);
    expect(h.startsWith('#')).toBe(true);
    expect(decodeHash(h)).toEqual(s);
  });
  it('ignores unknown or malformed values', () => {
    expect(decodeHash('#view=nope&g=file&x=1')).toEqual(DEFAULT_HASH_STATE);
    expect(decodeHash('#%%%')).toEqual(DEFAULT_HASH_STATE);
  });
});

describe('regex helpers', () => {
  it('reports invalid patterns briefly', () => {
    expect(regexError('')).toBeNull();
    expect(regexError('main\\.load')).toBeNull();
    expect(regexError('(')).toMatch(/Unterminated group/);
  });
  it('checks each regex of a label filter, not the key', () => {
    expect(labelFilterError('endpoint=/search,^/check')).toBeNull();
    expect(labelFilterError('bytes=1kb:')).toBeNull();
    expect(labelFilterError('endpoint=/ok,(')).toMatch(/Unterminated group/);
  });
  it('escapes a literal name', () => {
    const name = 'main.(*Loader).Load';
    expect(new RegExp('^' + escapeRegex(name) + '$').test(name)).toBe(true);
  });
});
