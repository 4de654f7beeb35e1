/**
 * Which goroutine lanes the timeline lists (src/analysis/trace/timeline/goroutine-lanes.ts):
 * the filter over "G <id> <start function>" and the three sorts with their tie-breaks, on a
 * hand-made goroutine table and on the real Go 1.26 trace.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { goroutineLaneSlots } from '../../../../src/analysis/trace/timeline/goroutine-lanes';
import { goroutineLabel } from '../../../../src/analysis/trace/timeline/lanes';
import type { TraceModel } from '../../../../src/model/trace';
import { GO126, type Loaded, loadTrace } from './load';

/**
 * A model with only what the lane list reads: goroutine ids, start functions, first run
 * and block times. Slot: id, name, start, blocked (sync, net, other, syscall).
 */
function fakeModel(rows: { id: number; name: string; start: number; block?: [number, number, number, number] }[]): TraceModel {
  const strings = ['', ...new Set(rows.map((r) => r.name).filter(Boolean))];
  const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows.map(f));
  return {
    symbols: { strings },
    goroutines: {
      count: rows.length,
      id: col((r) => r.id),
      name: Int32Array.from(rows.map((r) => strings.indexOf(r.name))),
      startNs: col((r) => r.start),
      blockSyncNs: col((r) => r.block?.[0] ?? 0),
      blockNetNs: col((r) => r.block?.[1] ?? 0),
      blockOtherNs: col((r) => r.block?.[2] ?? 0),
      syscallBlockNs: col((r) => r.block?.[3] ?? 0),
    },
  } as unknown as TraceModel;
}

describe('goroutineLaneSlots on a hand-made table', () => {
  const m = fakeModel([
    /* 0 */ { id: 7, name: 'example.com/srv/pkg.(*Server).serve', start: 75, block: [10, 0, 0, 0] },
    /* 1 */ { id: 3, name: 'main.worker', start: 100, block: [0, 5, 0, 0] },
    /* 2 */ { id: 12, name: 'main.worker', start: NaN },
    /* 3 */ { id: 5, name: 'main.main', start: 100, block: [1, 2, 3, 4] },
    /* 4 */ { id: 1, name: '', start: 50, block: [0, 0, 10, 0] },
    /* 5 */ { id: 9, name: 'main.worker', start: NaN, block: [0, 0, 0, 10] },
    /* 6 */ { id: 3, name: 'main.worker', start: 100 }, // the same id again (a second lifetime)
  ]);

  it('labels lanes "G <id> <short start function>", just "G <id>" without one', () => {
    expect(goroutineLabel(m, 0)).toBe('G 7 pkg.(*Server).serve');
    expect(goroutineLabel(m, 1)).toBe('G 3 main.worker');
    expect(goroutineLabel(m, 4)).toBe('G 1');
  });

  it('sorts by id, ties by slot', () => {
    expect(Array.from(goroutineLaneSlots(m, null, 'id'))).toEqual([4, 1, 6, 3, 0, 5, 2]);
  });

  it('sorts by first run, ties by id then slot, never-ran last by id', () => {
    // start 50: slot 4; 75: slot 0; 100: ids 3 (slots 1, 6), 5 (slot 3); NaN: ids 9 (slot 5), 12 (slot 2).
    expect(Array.from(goroutineLaneSlots(m, null, 'start'))).toEqual([4, 0, 1, 6, 3, 5, 2]);
  });

  it('sorts by blocked time (sync + network + other + syscall) descending, ties by id', () => {
    // Blocked: slot 0 = 10, 3 = 10, 4 = 10, 5 = 10, 1 = 5, 2 = 0, 6 = 0.
    // Ties at 10 by id: 1 (slot 4), 5 (slot 3), 7 (slot 0), 9 (slot 5); at 0: id 3 (slot 6), id 12 (slot 2).
    expect(Array.from(goroutineLaneSlots(m, null, 'blocked'))).toEqual([4, 3, 0, 5, 1, 6, 2]);
  });

  it('keeps the lanes whose label matches: by id, by start function, by package path as shown', () => {
    const ids = (f: RegExp, sort: 'id' | 'start' | 'blocked' = 'id') => Array.from(goroutineLaneSlots(m, f, sort));
    expect(ids(/^G 3( |$)/)).toEqual([1, 6]);
    expect(ids(/^G 1( |$)/)).toEqual([4]); // not 12
    expect(ids(/worker/, 'start')).toEqual([1, 6, 5, 2]);
    expect(ids(/\(\*Server\)/)).toEqual([0]);
    // The label has the short name: the full import path is not in it.
    expect(ids(/example\.com/)).toEqual([]);
    expect(ids(/^G \d+$/)).toEqual([4]);
  });
});

describe('goroutineLaneSlots on go1.26.trace', () => {
  let t: Loaded;
  beforeAll(() => {
    t = loadTrace(GO126);
  });

  const blocked = (s: number) => {
    const g = t.model.goroutines;
    return g.blockSyncNs[s] + g.blockNetNs[s] + g.blockOtherNs[s] + g.syscallBlockNs[s];
  };

  it('lists every goroutine once without a filter, whatever the sort', () => {
    for (const sort of ['id', 'start', 'blocked'] as const) {
      const slots = Array.from(goroutineLaneSlots(t.model, null, sort));
      expect(slots).toHaveLength(t.model.goroutines.count);
      expect([...slots].sort((a, b) => a - b)).toEqual(Array.from({ length: slots.length }, (_, i) => i));
    }
  });

  it('matches the trace labels of GC mark workers ("GC (idle)", "GC (dedicated)")', () => {
    const labels = t.tl.goroutines.label;
    const slots = Array.from(goroutineLaneSlots(t.model, /\[GC \(/, 'id', labels));
    expect(slots).toHaveLength(3);
    const strings = t.model.symbols.strings;
    for (const s of slots) expect(strings[t.model.goroutines.name[s]]).toBe('runtime.gcBgMarkWorker');
    expect(slots.map((s) => t.src.goroutineName(s).replace(/^G \d+ /, '')).sort()).toEqual([
      'runtime.gcBgMarkWorker [GC (dedicated)]',
      'runtime.gcBgMarkWorker [GC (idle)]',
      'runtime.gcBgMarkWorker [GC (idle)]',
    ]);
    // Without the labels the same pattern finds nothing.
    expect(goroutineLaneSlots(t.model, /\[GC \(/, 'id')).toHaveLength(0);
  });

  it('orders by id ascending', () => {
    const g = t.model.goroutines;
    const slots = Array.from(goroutineLaneSlots(t.model, null, 'id'));
    expect(slots.map((s) => g.id[s])).toEqual(Array.from(g.id).sort((a, b) => a - b));
  });

  it('orders by first run, the goroutines that never ran last, each tie by id', () => {
    const g = t.model.goroutines;
    const slots = Array.from(goroutineLaneSlots(t.model, null, 'start'));
    const neverRan = Array.from({ length: g.count }, (_, s) => s).filter((s) => Number.isNaN(g.startNs[s]));
    expect(neverRan.length).toBeGreaterThan(0);
    // The tail is exactly the goroutines that never ran, by id.
    expect(slots.slice(-neverRan.length)).toEqual([...neverRan].sort((a, b) => g.id[a] - g.id[b]));
    for (let i = 1; i < slots.length - neverRan.length; i++) {
      const [a, b] = [slots[i - 1], slots[i]];
      expect(g.startNs[a] < g.startNs[b] || (g.startNs[a] === g.startNs[b] && g.id[a] < g.id[b]), `${a} before ${b}`).toBe(true);
    }
    // G 1 (main.main) ran first.
    expect(goroutineLabel(t.model, slots[0])).toBe('G 1 main.main');
  });

  it('orders by blocked time descending, ties (many goroutines never blocked) by id', () => {
    const g = t.model.goroutines;
    const slots = Array.from(goroutineLaneSlots(t.model, null, 'blocked'));
    let ties = 0;
    for (let i = 1; i < slots.length; i++) {
      const [a, b] = [slots[i - 1], slots[i]];
      if (blocked(a) === blocked(b)) {
        ties++;
        expect(g.id[a]).toBeLessThan(g.id[b]);
      } else expect(blocked(a)).toBeGreaterThan(blocked(b));
    }
    expect(ties).toBeGreaterThan(10);
  });

  it('keeps exactly the goroutines whose label matches, in the sort order', () => {
    const f = /backgroundRead/;
    const all = Array.from(goroutineLaneSlots(t.model, null, 'blocked'));
    const some = Array.from(goroutineLaneSlots(t.model, f, 'blocked'));
    expect(some).toEqual(all.filter((s) => f.test(goroutineLabel(t.model, s))));
    expect(some).toHaveLength(40);
    expect(Array.from(goroutineLaneSlots(t.model, /^G 1( |$)/, 'id'))).toEqual([0]);
    expect(Array.from(goroutineLaneSlots(t.model, /no such goroutine/, 'id'))).toEqual([]);
  });
});
