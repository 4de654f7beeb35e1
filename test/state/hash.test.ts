import { describe, expect, it } from 'vitest';
import { DEFAULT_HASH_STATE, decodeHash, encodeHash } from '../../src/state/hash';

describe('URL hash', () => {
  it('leaves defaults out', () => {
    expect(encodeHash(DEFAULT_HASH_STATE)).toBe('');
    expect(decodeHash('')).toEqual(DEFAULT_HASH_STATE);
  });
  it('round-trips every shareable field, including regex punctuation', () => {
    const s = {
      view: 'top' as const,
      sampleType: 'alloc_space',
      transforms: [
        { kind: 'granularity' as const, value: 'line' as const },
        { kind: 'focus' as const, pattern: '^main\\.(load|read)Rules$' },
        { kind: 'ignore' as const, pattern: 'runtime\\..*' },
        { kind: 'hide' as const, pattern: 'a&b=c#d e+f' },
        { kind: 'tagfocus' as const, pattern: 'endpoint=/search,/checkout' },
        { kind: 'tagignore' as const, pattern: 'bytes=1kb:' },
      ],
      timelineView: { t0: 1234, t1: 98765432101 },
      timelineRange: { t0: 5000, t1: 6000 },
      sandwichFunc: 'main.(*q[go.shape.struct { A string }]).Add&x=#1',
      inverted: true,
    };
    const h = encodeHash(s);
    expect(h.startsWith('#')).toBe(true);
    expect(decodeHash(h)).toEqual(s);
  });
  it('ignores unknown or malformed values', () => {
    expect(decodeHash('#view=nope&g=file&x=1')).toEqual(DEFAULT_HASH_STATE);
    expect(decodeHash('#%%%')).toEqual(DEFAULT_HASH_STATE);
    // A span must be two whole ns, the second after the first.
    for (const bad of ['tv=5-5', 'tv=9-2', 'tv=1.5-3', 'tr=-1-4', 'tr=abc', 'tv=1-99999999999999999999']) {
      expect(decodeHash(`#${bad}`)).toEqual(DEFAULT_HASH_STATE);
    }
  });
  it('opens links written before transforms as the same view', () => {
    expect(decodeHash('#view=top&st=alloc_space&g=line&focus=fakeDB')).toEqual({
      view: 'top',
      sampleType: 'alloc_space',
      transforms: [
        { kind: 'granularity', value: 'line' },
        { kind: 'focus', pattern: 'fakeDB' },
      ],
      timelineView: null,
      timelineRange: null,
      sandwichFunc: null,
      inverted: false,
    });
  });
});
