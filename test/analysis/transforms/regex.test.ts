import { describe, expect, it } from 'vitest';
import { escapeRegex, labelFilterError, regexError } from '../../../src/analysis/transforms/regex';

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
