import { describe, expect, it } from 'vitest';
import { makeLayout, rowAt, rowTop, scrollToShow, totalHeight, visibleRows } from '../../../src/ui/goroutines/layout';
import { pagesFor } from '../../../src/ui/shared/usePagedRows';

describe('virtual rows that expand', () => {
  it('is a plain grid without expansions', () => {
    const l = makeLayout(30, 100_000, []);
    expect(totalHeight(l)).toBe(3_000_000);
    expect(rowTop(l, 10)).toBe(300);
    expect(rowAt(l, 299)).toBe(9);
    expect(rowAt(l, 300)).toBe(10);
    expect(rowAt(l, 1e9)).toBe(99_999);
    const [first, last] = visibleRows(l, 60_000, 600, 5);
    expect(first).toBe(1995);
    expect(last).toBe(2026);
    expect(last - first).toBeLessThan(40);
  });

  it('pushes later rows down by the open detail blocks', () => {
    const l = makeLayout(30, 50, [
      { index: 5, height: 200 },
      { index: 2, height: 100 },
      { index: 2, height: 100 },
      { index: 99, height: 50 }, // beyond the rows: ignored
    ]);
    expect(l.expanded.map((e) => e.index)).toEqual([2, 5]);
    expect(totalHeight(l)).toBe(50 * 30 + 300);
    expect(rowTop(l, 2)).toBe(60);
    expect(rowTop(l, 3)).toBe(90 + 100);
    expect(rowTop(l, 6)).toBe(180 + 300);
    // Inside row 2's detail block: still row 2.
    expect(rowAt(l, 60 + 30 + 50)).toBe(2);
    expect(rowAt(l, 190)).toBe(3);
    expect(rowAt(l, rowTop(l, 6) + 1)).toBe(6);
    expect(rowAt(l, rowTop(l, 5) + 30 + 199)).toBe(5);
    for (let i = 0; i < 50; i++) expect(rowAt(l, rowTop(l, i))).toBe(i);
  });

  it('renders only what the viewport needs, detail blocks included', () => {
    const l = makeLayout(30, 1000, [{ index: 10, height: 3000 }]);
    // Scrolled into the middle of row 10's long stack: row 10 stays rendered.
    const [first, last] = visibleRows(l, rowTop(l, 10) + 1000, 600, 2);
    expect(first).toBe(8);
    expect(last).toBe(13);
    expect(visibleRows(makeLayout(30, 0, []), 0, 600)).toEqual([0, 0]);
  });

  it('scrolls a row into view only when needed', () => {
    const l = makeLayout(30, 100, [{ index: 1, height: 100 }]);
    expect(scrollToShow(l, 0, 0, 300)).toBe(0);
    expect(scrollToShow(l, 20, 0, 300)).toBe(rowTop(l, 20) + 30 - 300);
    expect(scrollToShow(l, 3, 500, 300)).toBe(rowTop(l, 3));
    expect(scrollToShow(l, 5, 100, 300)).toBe(100);
  });

  it('asks for the pages covering the visible rows', () => {
    expect(pagesFor(0, 0, 100)).toEqual([0]);
    expect(pagesFor(95, 130, 100)).toEqual([0, 1]);
    expect(pagesFor(200, 300, 100)).toEqual([2]);
  });
});
