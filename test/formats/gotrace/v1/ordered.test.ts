/** The v1 reader's ring of waiting events and its heap (src/formats/gotrace/v1/ordered.ts). */
import { describe, expect, it } from 'vitest';
import { DONE, Ordered, PairHeap } from '../../../../src/formats/gotrace/v1/ordered';
import { EV_GO_START, EV_USER_LOG } from '../../../../src/formats/gotrace/v1/spec';

describe('Ordered', () => {
  it('keeps every waiting event, user-log values included, when it grows around its wrap point', () => {
    const o = new Ordered(4);
    // Wrap the ring first: push 3, free 3, so the next events start at slot 3.
    for (let i = 0; i < 3; i++) o.push(i, EV_GO_START, 0, 1, 0, 0, 0, 0, 0);
    for (let i = 0; i < 3; i++) o.flags[o.slot(i)] |= DONE;
    o.release();
    expect(o.tail).toBe(3);
    // Ten more events than the ring holds, every third a user log with a value.
    for (let i = 3; i < 13; i++) o.push(100 + i, i % 3 === 0 ? EV_USER_LOG : EV_GO_START, i, 7, i, 0, 0, i % 3 === 0 ? 1000 + i : 0, i);
    for (let i = 3; i < 13; i++) {
      const s = o.slot(i);
      expect([o.ts[s], o.p[s], o.a0[s], o.stk[s], o.next[s]]).toEqual([100 + i, i, i, i, -1]);
      expect(o.a3.get(s)).toBe(i % 3 === 0 ? 1000 + i : undefined);
    }
  });

  it('frees only the done events at the front, and reuses their slots without stale user-log values', () => {
    const o = new Ordered(4);
    o.push(1, EV_USER_LOG, 0, 1, 0, 0, 0, 55, 0);
    o.push(2, EV_GO_START, 0, 1, 0, 0, 0, 0, 0);
    o.flags[o.slot(1)] |= DONE; // done, but behind a waiting event
    o.release();
    expect(o.tail).toBe(0);
    o.flags[o.slot(0)] |= DONE;
    o.release();
    expect(o.tail).toBe(2);
    // Slot 0 again (logical index 4 in a ring of 4), now a user log without a value: the
    // old 55 must not show through.
    o.push(3, EV_GO_START, 0, 1, 0, 0, 0, 0, 0);
    o.push(4, EV_GO_START, 0, 1, 0, 0, 0, 0, 0);
    const i = o.push(5, EV_USER_LOG, 0, 1, 0, 0, 0, 0, 0);
    expect(i).toBe(4);
    expect(o.slot(i)).toBe(0);
    expect(o.a3.get(o.slot(i))).toBeUndefined();
  });
});

describe('PairHeap', () => {
  it('pops by key, then tie, whatever the push order', () => {
    const h = new PairHeap();
    const items: [number, number][] = [];
    let x = 7;
    for (let i = 0; i < 500; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      items.push([x % 50, i]);
    }
    for (const [k, t] of items) h.push(k, t, t);
    const out: [number, number][] = [];
    while (h.size > 0) {
      out.push([h.topKey(), h.topTie()]);
      expect(h.topVal()).toBe(h.topTie());
      h.pop();
    }
    expect(out).toEqual([...items].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});
