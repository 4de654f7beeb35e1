// The builder's per-goroutine storage (blocks made on first write, 64-byte hot rows) and
// the event buffer's hand-over of whole chunks to a consumer that keeps them (the pipe).
import { describe, expect, it } from 'vitest';
import { HotRows, hotRow } from '../../../../src/formats/gotrace/build/slot-columns';
import { SlotF64, SlotI32, startsBlock } from '../../../../src/model/growable';
import { EventBuffer, type EventRows, K_GO, newRows } from '../../../../src/formats/gotrace/events';

const BLOCK = 1 << 15;

describe('slot columns', () => {
  it('read their fill value where no block was written, and make a block on the first write', () => {
    const c = new SlotF64(NaN);
    expect(c.get(5)).toBeNaN();
    c.set(3 * BLOCK + 7, 42);
    c.add(3 * BLOCK + 7, 1);
    expect(c.get(3 * BLOCK + 7)).toBe(43);
    expect(c.get(3 * BLOCK + 8)).toBeNaN();
    expect(c.get(BLOCK)).toBeNaN();
  });

  it('take() fills the slots of blocks never written and copies the others', () => {
    const c = new SlotI32(-1);
    c.set(2 * BLOCK + 1, 9);
    const n = 2 * BLOCK + 5;
    const out = c.take(n);
    expect(out.length).toBe(n);
    expect(out[0]).toBe(-1);
    expect(out[BLOCK + 3]).toBe(-1);
    expect(out[2 * BLOCK]).toBe(-1);
    expect(out[2 * BLOCK + 1]).toBe(9);
    // A zero fill leaves untouched blocks as the fresh array's zeros.
    const z = new SlotF64();
    z.add(BLOCK + 2, 1.5);
    expect(Array.from(z.take(BLOCK + 3).subarray(BLOCK, BLOCK + 3))).toEqual([0, 0, 1.5]);
  });

  it('startsBlock marks the first slot of each block', () => {
    expect([0, 1, BLOCK - 1, BLOCK, 2 * BLOCK].map(startsBlock)).toEqual([true, false, false, true, true]);
  });
});

describe('hot rows', () => {
  const make = () =>
    new HotRows((f, i) => {
      f[1] = NaN;
      i[10] = -1;
      i[15] = 7;
    });

  it('start every row of every block from the initial row', () => {
    const h = make();
    for (const s of [0, BLOCK]) if (startsBlock(s)) h.ensure(s);
    for (const s of [0, 1, BLOCK - 1, BLOCK, 2 * BLOCK - 1]) {
      expect(h.getF(s, 0)).toBe(0);
      expect(h.getF(s, 1)).toBeNaN();
      expect(h.getI(s, 10)).toBe(-1);
      expect(h.getI(s, 15)).toBe(7);
    }
  });

  it('keep float and int fields of one row apart, and rows apart from each other', () => {
    const h = make();
    h.ensure(BLOCK + 10);
    const s = BLOCK + 3;
    const w = h.floats(s);
    const wi = h.ints(s);
    const row = hotRow(s);
    w[row + 4] = 1e15 + 0.5; // float field 4 is int32s 8 and 9
    wi[row * 2 + 10] = 123;
    wi[row * 2 + 15] = -5;
    expect(h.getF(s, 4)).toBe(1e15 + 0.5);
    expect(h.getI(s, 10)).toBe(123);
    expect(h.getI(s, 15)).toBe(-5);
    expect(h.getI(s + 1, 10)).toBe(-1);
    expect(h.getF(s - 1, 4)).toBe(0);
    expect(h.getI(3, 10)).toBe(-1);
  });

  it('give a field of all slots as one column', () => {
    const h = make();
    const n = BLOCK + 2;
    h.ensure(n - 1);
    for (let s = 0; s < n; s++) {
      h.floats(s)[hotRow(s) + 2] = s * 0.5;
      h.ints(s)[hotRow(s) * 2 + 12] = s;
    }
    const f = h.fieldF(n, 2, new Float64Array(n));
    const i = h.fieldI(n, 12, new Int32Array(n));
    expect([f[0], f[BLOCK - 1], f[BLOCK + 1]]).toEqual([0, (BLOCK - 1) * 0.5, (BLOCK + 1) * 0.5]);
    expect([i[0], i[BLOCK], i[BLOCK + 1]]).toEqual([0, BLOCK, BLOCK + 1]);
  });
});

describe('event buffer', () => {
  it('hands whole chunks to a consumer that keeps them, and counts every row', () => {
    const taken: { rows: EventRows; n: number }[] = [];
    const consumer = {
      consume: () => {
        throw new Error('rows must be taken, not read');
      },
      takesRows: {
        chunk: 4,
        take: (rows: EventRows, n: number) => {
          taken.push({ rows, n });
          return newRows(4);
        },
      },
    };
    const ev = new EventBuffer(consumer);
    expect(ev.chunk).toBe(4);
    const first = ev.kind;
    for (let i = 0; i < 6; i++) {
      ev.go(i, 100 + i, 2, 3, 0, 0, 0, -1, 0);
      if (ev.len >= ev.chunk) ev.flush();
    }
    expect(ev.total).toBe(6);
    ev.flush();
    expect(taken.map((t) => t.n)).toEqual([4, 2]);
    expect(taken[0].rows.kind).toBe(first); // the written arrays themselves, not a copy
    expect(ev.kind).not.toBe(first);
    expect(Array.from(taken[1].rows.f.subarray(0, 1))).toEqual([104]);
    expect(taken[1].rows.kind[0]).toBe(K_GO);
    expect(ev.total).toBe(6);
  });
});
