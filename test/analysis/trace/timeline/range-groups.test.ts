/**
 * The goroutine groups of a time range (src/analysis/trace/timeline/range-groups.ts) on the
 * real Go 1.26 trace and on incident 2's (36,112 goroutines): over the whole trace, each
 * group's time per state is the sum of its goroutines' runs, computed here straight from the
 * TimelineModel's columns; the running time is also what the P lanes ran; a part of the
 * trace never has more than the whole, two halves add up to it, and no width has nobody.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type RangeGroup, rangeGroups } from '../../../../src/analysis/trace/timeline/range-groups';
import { LANE_ABSENT, LANE_GC_ASSIST, LANE_RUNNING, LANE_STATE_COUNT } from '../../../../src/model/timeline';
import { GO126, INCIDENT2, type Loaded, goroutineRuns, loadTrace, procRuns } from './load';

/** Per start function: goroutines with a non-absent run overlapping [t0, t1] for some time, and ns per state there. */
function expectedGroups(t: Loaded, t0: number, t1: number): Map<string, { count: number; ns: number[] }> {
  const out = new Map<string, { count: number; ns: number[] }>();
  for (let s = 0; s < t.tl.goroutines.count; s++) {
    const ns = new Array<number>(LANE_STATE_COUNT).fill(0);
    let present = false;
    for (const r of goroutineRuns(t.tl, s)) {
      const d = Math.min(r.end, t1) - Math.max(r.start, t0);
      if (r.value === LANE_ABSENT || d <= 0) continue;
      ns[r.value] += d;
      present = true;
    }
    if (!present) continue;
    const name = t.model.symbols.strings[t.model.goroutines.name[s]] ?? '';
    const g = out.get(name) ?? { count: 0, ns: new Array<number>(LANE_STATE_COUNT).fill(0) };
    g.count++;
    for (let k = 0; k < LANE_STATE_COUNT; k++) g.ns[k] += ns[k];
    out.set(name, g);
  }
  return out;
}

const total = (g: RangeGroup) => g.ns.reduce((a, b) => a + b, 0);

function checkAgainstColumns(t: Loaded, t0: number, t1: number): RangeGroup[] {
  const got = rangeGroups(t.model, t.tl, t0, t1);
  const want = expectedGroups(t, t0, t1);
  expect(got.map((g) => g.name).sort()).toEqual([...want.keys()].sort());
  for (const g of got) {
    const w = want.get(g.name)!;
    expect(g.count, g.name).toBe(w.count);
    expect(g.ns[LANE_ABSENT], g.name).toBe(0);
    for (let k = 0; k < LANE_STATE_COUNT; k++) expect(g.ns[k], `${g.name} state ${k}`).toBeCloseTo(w.ns[k], 0);
  }
  return got;
}

function checkSorted(groups: RangeGroup[]): void {
  for (let i = 1; i < groups.length; i++) {
    const [a, b] = [groups[i - 1], groups[i]];
    const ok = a.count > b.count || (a.count === b.count && (total(a) > total(b) || (total(a) === total(b) && a.name < b.name)));
    expect(ok, `${a.name} before ${b.name}`).toBe(true);
  }
}

describe.each([
  ['go1.26.trace', GO126],
  ['incident 2', INCIDENT2],
])('rangeGroups on %s', (_name, path) => {
  let t: Loaded;
  let whole: RangeGroup[];
  beforeAll(() => {
    t = loadTrace(path);
    whole = rangeGroups(t.model, t.tl, 0, t.tl.endNs);
  });

  it('over the whole trace: per group, the count and time per state its goroutines have in the timeline columns', () => {
    checkAgainstColumns(t, 0, t.tl.endNs);
  });

  it('over the whole trace: counts add up to every goroutine that exists at some time', () => {
    const count = whole.reduce((a, g) => a + g.count, 0);
    let exists = 0;
    for (let s = 0; s < t.tl.goroutines.count; s++) if (goroutineRuns(t.tl, s).some((r) => r.value !== LANE_ABSENT && r.end > r.start)) exists++;
    expect(count).toBe(exists);
    expect(count).toBeLessThanOrEqual(t.model.goroutines.count);
    expect(count).toBeGreaterThan(t.model.goroutines.count * 0.9);
  });

  it('over the whole trace: the running time of all groups is what the P lanes ran', () => {
    let pBusy = 0;
    for (let i = 0; i < t.tl.procs.count; i++) for (const r of procRuns(t.tl, i)) if (r.value >= 0) pBusy += r.end - r.start;
    expect(pBusy).toBeGreaterThan(0);
    // Running includes the time spent assisting the GC while running.
    expect(whole.reduce((a, g) => a + g.ns[LANE_RUNNING] + g.ns[LANE_GC_ASSIST], 0)).toBeCloseTo(pBusy, 0);
  });

  it('sorts groups by count, then total time, then name', () => {
    checkSorted(whole);
  });

  it('a range has no more goroutines or time per state than the whole, and matches the columns', () => {
    const e = t.tl.endNs;
    for (const [a, b] of [
      [0, e / 10],
      [e / 3, e / 2],
      [e * 0.9, e],
    ]) {
      const part = checkAgainstColumns(t, a, b);
      checkSorted(part);
      const byName = new Map(whole.map((g) => [g.name, g]));
      for (const g of part) {
        const w = byName.get(g.name)!;
        expect(w, g.name).toBeDefined();
        expect(g.count).toBeLessThanOrEqual(w.count);
        for (let k = 0; k < LANE_STATE_COUNT; k++) expect(g.ns[k]).toBeLessThanOrEqual(w.ns[k] + 1e-6);
        // No goroutine can be in the range longer than the range.
        expect(total(g)).toBeLessThanOrEqual(g.count * (b - a) + 1e-6);
      }
    }
  });

  it('two halves add up to the whole, state by state', () => {
    const m = Math.round(t.tl.endNs * 0.4);
    const left = new Map(rangeGroups(t.model, t.tl, 0, m).map((g) => [g.name, g]));
    const right = new Map(rangeGroups(t.model, t.tl, m, t.tl.endNs).map((g) => [g.name, g]));
    for (const g of whole) {
      const l = left.get(g.name);
      const r = right.get(g.name);
      // A goroutine alive across m counts on both sides.
      expect(g.count).toBeLessThanOrEqual((l?.count ?? 0) + (r?.count ?? 0));
      for (let k = 0; k < LANE_STATE_COUNT; k++) expect((l?.ns[k] ?? 0) + (r?.ns[k] ?? 0), `${g.name} state ${k}`).toBeCloseTo(g.ns[k], 0);
    }
  });

  it('a range of zero width, or outside the trace, has no goroutines', () => {
    for (const at of [0, t.tl.endNs / 2, t.tl.endNs]) expect(rangeGroups(t.model, t.tl, at, at)).toEqual([]);
    expect(rangeGroups(t.model, t.tl, t.tl.endNs, t.tl.endNs + 1e9)).toEqual([]);
    expect(rangeGroups(t.model, t.tl, -1e9, 0)).toEqual([]);
  });
});

describe('rangeGroups: hand-checked numbers on go1.26.trace', () => {
  it('has the 40 net/http backgroundRead goroutines as the biggest group over the whole trace', () => {
    const t = loadTrace(GO126);
    const groups = rangeGroups(t.model, t.tl, 0, t.tl.endNs);
    expect(groups[0].name).toBe('net/http.(*connReader).backgroundRead');
    expect(groups[0].count).toBe(40);
    // main.main is one goroutine that lives from its first run to the end: its states add up to that.
    const main = groups.find((g) => g.name === 'main.main')!;
    expect(main.count).toBe(1);
    const runs = goroutineRuns(t.tl, 0);
    expect(total(main)).toBe(t.tl.endNs - runs[0].start);
  });
});
