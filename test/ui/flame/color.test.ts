import { describe, expect, it } from 'vitest';
import { frameColour, packageHue } from '../../../src/ui/flame/color';

describe('packageHue', () => {
  it('is stable and shared within a package', () => {
    expect(packageHue('runtime.mallocgc')).toBe(packageHue('runtime.gcBgMarkWorker'));
    expect(packageHue('runtime.mallocgc')).toBe(packageHue('runtime.mallocgc'));
    expect(packageHue('runtime.x')).toBeGreaterThanOrEqual(0);
    expect(packageHue('runtime.x')).toBeLessThanOrEqual(270);
  });
  it('colours highlighted and dimmed frames distinctly', () => {
    const base = frameColour('main.f', { dark: false, dimmed: false, highlighted: false });
    expect(frameColour('main.f', { dark: false, dimmed: false, highlighted: true })).not.toBe(base);
    expect(frameColour('main.f', { dark: false, dimmed: true, highlighted: false })).not.toBe(base);
  });
});

import { breadcrumbs, searchRegex, shortLabel, zoomPathFor } from '../../../src/ui/flame/zoom';

describe('zoom paths', () => {
  it('appends the frames below the drawn root', () => {
    expect(zoomPathFor([], ['root', 'main.main', 'main.load'])).toEqual(['main.main', 'main.load']);
    expect(zoomPathFor(['main.main'], ['main.main', 'main.load', 'x'])).toEqual(['main.main', 'main.load', 'x']);
  });
  it('steps out one level when the drawn root is clicked', () => {
    expect(zoomPathFor(['a', 'b'], ['b'])).toEqual(['a']);
    expect(zoomPathFor([], ['root'])).toEqual([]);
  });
  it('builds breadcrumbs from "all"', () => {
    expect(breadcrumbs(['a', 'b'])).toEqual([
      { label: 'all', path: [] },
      { label: 'a', path: ['a'] },
      { label: 'b', path: ['a', 'b'] },
    ]);
  });
  it('treats invalid search regexes literally', () => {
    expect(searchRegex('')).toBeNull();
    expect(searchRegex('a.c')!.test('abc')).toBe(true);
    expect(searchRegex('load(')!.test('load(x')).toBe(true);
  });
  it('shortens function+line labels to the file base name', () => {
    expect(shortLabel('main.load /work/src/cmd/main.go:42')).toBe('main.load main.go:42');
    expect(shortLabel('main.load main.go:42')).toBe('main.load main.go:42');
    expect(shortLabel('main.load:42')).toBe('main.load:42');
    expect(shortLabel('runtime.mallocgc')).toBe('runtime.mallocgc');
  });
});
