/** Where the timeline's lanes sit (src/ui/timeline/layout.ts). */
import { describe, expect, it } from 'vitest';
import { GOROUTINE_ROW_STEP, ROW_GAP, laneHeight, rowAt, stackRows, visibleGoroutineLanes } from '../../../src/ui/timeline/layout';
import type { LaneInfo } from '../../../src/worker/timeline-api';

const LANES: LaneInfo[] = [
  { key: 'gc', kind: 'span', name: 'GC' },
  { key: 'heap', kind: 'counter', name: 'Heap' },
  { key: 'cpu', kind: 'ticks', name: 'CPU samples' },
  { key: 'p:3', kind: 'proc', name: 'P0' },
  { key: 'g:0', kind: 'goroutine', name: 'G 1 main.main' },
];

describe('stackRows', () => {
  it('stacks rows from the top with a gap after each; height counts every row and gap', () => {
    // Heights 14, 36, 14, 22, 16 with 2 px gaps from y = 10.
    expect(ROW_GAP).toBe(2);
    const { rows, height } = stackRows(LANES, 10);
    expect(rows.map((r) => [r.key, r.y, r.h])).toEqual([
      ['gc', 10, 14],
      ['heap', 26, 36],
      ['cpu', 64, 14],
      ['p:3', 80, 22],
      ['g:0', 104, 16],
    ]);
    expect(height).toBe(16 + 38 + 16 + 24 + 18);
    // The lane's own fields are kept.
    expect(rows[3]).toMatchObject(LANES[3]);
    expect(rows.map((r) => r.h)).toEqual(LANES.map((l) => laneHeight(l.kind)));
  });

  it('starts at 0 by default and is empty for no lanes', () => {
    expect(stackRows(LANES).rows[0].y).toBe(0);
    expect(stackRows([], 40)).toEqual({ rows: [], height: 0 });
  });
});

describe('rowAt', () => {
  const { rows } = stackRows(LANES, 10);

  it('finds the row under y, the gap below a row belonging to it', () => {
    expect(rowAt(rows, 10)?.key).toBe('gc');
    expect(rowAt(rows, 23.9)?.key).toBe('gc');
    expect(rowAt(rows, 25.9)?.key).toBe('gc'); // in gc's gap
    expect(rowAt(rows, 26)?.key).toBe('heap');
    expect(rowAt(rows, 63)?.key).toBe('heap');
    expect(rowAt(rows, 64)?.key).toBe('cpu');
    expect(rowAt(rows, 121.9)?.key).toBe('g:0');
  });

  it('is null above the first row and below the last', () => {
    expect(rowAt(rows, 9.9)).toBeNull();
    expect(rowAt(rows, 122)).toBeNull();
    expect(rowAt([], 0)).toBeNull();
  });

  it('finds, for every y inside the stack, the one row whose band [y, y + h + gap) holds it', () => {
    const { rows: all, height } = stackRows(LANES, 0);
    for (let y = 0; y < height; y += 0.5) {
      const r = rowAt(all, y)!;
      expect(r, `y ${y}`).not.toBeNull();
      expect(y >= r.y && y < r.y + r.h + ROW_GAP).toBe(true);
    }
  });
});

describe('visibleGoroutineLanes', () => {
  it('steps by a goroutine row and its gap', () => {
    expect(GOROUTINE_ROW_STEP).toBe(laneHeight('goroutine') + ROW_GAP);
    expect(GOROUTINE_ROW_STEP).toBe(18);
  });

  it('gives the first lane under the scroll position and enough lanes to fill the height, plus one', () => {
    expect(visibleGoroutineLanes(0, 180)).toEqual({ first: 0, count: 11 });
    expect(visibleGoroutineLanes(37, 100)).toEqual({ first: 2, count: 7 });
    expect(visibleGoroutineLanes(36, 90)).toEqual({ first: 2, count: 6 });
    expect(visibleGoroutineLanes(-50, 10)).toEqual({ first: 0, count: 2 });
  });

  it('covers every lane that shows any pixel in the view', () => {
    for (let scroll = 0; scroll < 400; scroll += 7) {
      for (const height of [1, 17, 18, 19, 200, 613]) {
        const { first, count } = visibleGoroutineLanes(scroll, height);
        const lo = Math.floor(scroll / GOROUTINE_ROW_STEP);
        const hi = Math.floor((scroll + height - 1e-9) / GOROUTINE_ROW_STEP);
        expect(first).toBe(lo);
        expect(first + count - 1, `scroll ${scroll} height ${height}`).toBeGreaterThanOrEqual(hi);
      }
    }
  });
});
