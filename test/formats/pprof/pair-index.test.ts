import { describe, expect, it } from 'vitest';
import { PairIndex } from '../../../src/formats/pprof/pair-index';

describe('PairIndex', () => {
  it('maps pairs to values through growth, and misses unknown pairs', () => {
    const ix = new PairIndex(4);
    for (let f = 0; f < 300; f++) for (let line = 0; line < 20; line++) ix.set(f, line * 1000, f * 20 + line);
    for (let f = 0; f < 300; f++) for (let line = 0; line < 20; line++) expect(ix.get(f, line * 1000)).toBe(f * 20 + line);
    expect(ix.get(1, 1)).toBe(-1);
    ix.set(5, 0, 42);
    expect(ix.get(5, 0)).toBe(42);
  });
});
