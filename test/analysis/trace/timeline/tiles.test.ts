/**
 * Tiles (src/analysis/trace/timeline/tiles.ts) on small lanes built by hand, with the
 * expected bucket values worked out in the comments, then seeded random lanes checked
 * against a brute-force reference written here (every run × every bucket, no binary
 * search, no bucket index arithmetic) and against two properties: the cover adds up to
 * the busy time, and a window split in two halves gives the same buckets as the whole.
 */
import { describe, expect, it } from 'vitest';
import { TileScratch, emptyTiles, fillPointLane, fillRunLane, runAt, type PointLane, type RunLane, type Tiles } from '../../../../src/analysis/trace/timeline/tiles';
import { rng } from '../../../helpers/rng';
import {
  COVER_EXACT,
  LANE_ABSENT,
  LANE_BLOCKED_NET,
  LANE_BLOCKED_SYNC,
  LANE_RUNNABLE,
  LANE_RUNNING,
  LANE_STATE_COUNT,
} from '../../../../src/model/timeline';

const K = LANE_STATE_COUNT;

/** A lane from [start, value] pairs in time order; every run exact unless `cover` says otherwise. */
function lane(runs: [number, number][], end: number, opts: { empty?: number; states?: boolean; cover?: number[] } = {}): RunLane {
  return {
    time: Float64Array.from(runs.map((r) => r[0])),
    value: Int32Array.from(runs.map((r) => r[1])),
    cover: Uint8Array.from(opts.cover ?? runs.map(() => COVER_EXACT)),
    lo: 0,
    hi: runs.length,
    end,
    empty: opts.empty ?? (opts.states ? LANE_ABSENT : -1),
    states: opts.states ?? false,
  };
}

function runTiles(l: RunLane, t0: number, t1: number, width: number): Tiles {
  const out = emptyTiles({ t0, t1, width }, 1);
  fillRunLane(out, 0, l, new TileScratch(width));
  return out;
}

function pointTiles(p: PointLane, t0: number, t1: number, width: number): Tiles {
  const out = emptyTiles({ t0, t1, width }, 1);
  fillPointLane(out, 0, p);
  return out;
}

/** Lane `li`'s bucket values as plain arrays. */
function bucketsOf(t: Tiles, li = 0) {
  const a = li * t.width;
  const b = a + t.width;
  return {
    dominant: Array.from(t.dominant.subarray(a, b)),
    cover: Array.from(t.cover.subarray(a, b)),
    merged: Array.from(t.merged.subarray(a, b)),
    shares: Array.from(t.shares.subarray(a * K, b * K)),
    low: Array.from(t.low.subarray(a, b)),
    high: Array.from(t.high.subarray(a, b)),
  };
}

/** Shares of one bucket as a LANE_STATE_COUNT array from a { state: share } map. */
function shareRow(m: Record<number, number>): number[] {
  return Array.from({ length: K }, (_, k) => m[k] ?? 0);
}

describe('emptyTiles', () => {
  it('has lanes × width buckets with nothing in them', () => {
    const t = emptyTiles({ t0: 5, t1: 25, width: 4 }, 3);
    expect([t.t0, t.t1, t.width, t.lanes]).toEqual([5, 25, 4, 3]);
    expect(t.dominant).toEqual(new Int32Array(12).fill(-1));
    expect(t.cover).toEqual(new Uint8Array(12));
    expect(t.merged).toEqual(new Uint8Array(12));
    expect(t.shares).toEqual(new Uint8Array(12 * K));
    expect(Array.from(t.low).every(Number.isNaN)).toBe(true);
    expect(Array.from(t.high).every(Number.isNaN)).toBe(true);
  });

  it('has zero buckets for zero lanes', () => {
    const t = emptyTiles({ t0: 0, t1: 1, width: 8 }, 0);
    expect(t.dominant.length + t.cover.length + t.shares.length + t.low.length).toBe(0);
  });
});

describe('runAt', () => {
  // Runs [10,20) [20,30) [30,40); end 40.
  const l = lane(
    [
      [10, 1],
      [20, 2],
      [30, 3],
    ],
    40,
  );

  it('is the run holding t, the first run before the lane starts', () => {
    expect(runAt(l, 0)).toBe(0);
    expect(runAt(l, 10)).toBe(0);
    expect(runAt(l, 19.5)).toBe(0);
    expect(runAt(l, 20)).toBe(1);
    expect(runAt(l, 29)).toBe(1);
    expect(runAt(l, 30)).toBe(2);
    expect(runAt(l, 39.9)).toBe(2);
  });

  it('looks only at runs [lo, hi) of shared columns', () => {
    // Two lanes in one set of columns: lane A = runs 0..1, lane B = runs 2..4.
    const shared: RunLane = { ...l, time: Float64Array.from([0, 500, 10, 20, 30]), value: Int32Array.from([9, 9, 1, 2, 3]), cover: new Uint8Array(5).fill(COVER_EXACT), lo: 2, hi: 5 };
    expect(runAt(shared, 0)).toBe(2);
    expect(runAt(shared, 25)).toBe(3);
    expect(runAt(shared, 600)).toBe(4);
    expect(runAt({ ...shared, lo: 0, hi: 2 }, 100)).toBe(0);
  });

  it('skips runs that last no time: at t, the run starting at t', () => {
    // [10,20) then an instant at 20, then [20,30).
    const z = lane(
      [
        [10, 1],
        [20, 2],
        [20, 3],
      ],
      30,
    );
    expect(runAt(z, 20)).toBe(2);
    expect(runAt(z, 19)).toBe(0);
  });

  it('is lo for an empty lane', () => {
    expect(runAt({ ...l, lo: 2, hi: 2 }, 25)).toBe(2);
  });

  it('is the last run at or after the lane end, as its doc says', () => {
    expect(runAt(l, 40)).toBe(2);
    expect(runAt(l, 1000)).toBe(2);
  });
});

describe('fillRunLane: P-like lanes (empty = -1)', () => {
  // [0,10) G5, [10,25) idle, [25,40) G7, [40,100) idle; end 100.
  const p = lane(
    [
      [0, 5],
      [10, -1],
      [25, 7],
      [40, -1],
    ],
    100,
  );

  it('gives each bucket its value, cover and merged flag; runs on bucket edges do not spill over', () => {
    // Window [0,40], 4 buckets of 10 ns:
    //   b0 [0,10):  G5 all of it                  → 5, 255, one run
    //   b1 [10,20): idle                          → -1, 0, one run
    //   b2 [20,30): idle 5 ns, G7 5 ns            → 7, round(127.5) = 128, two runs
    //   b3 [30,40): G7 (idle starts exactly at 40) → 7, 255, one run
    const b = bucketsOf(runTiles(p, 0, 40, 4));
    expect(b.dominant).toEqual([5, -1, 7, 7]);
    expect(b.cover).toEqual([255, 0, 128, 255]);
    expect(b.merged).toEqual([0, 0, 1, 0]);
    // Not a goroutine lane: no shares, and counters untouched.
    expect(b.shares.every((x) => x === 0)).toBe(true);
    expect(b.low.every(Number.isNaN)).toBe(true);
  });

  it('picks the run with the longest overlap, not the first or the last', () => {
    // One bucket [0,10): G1 3 ns, G2 4 ns, G3 3 ns.
    const l = lane(
      [
        [0, 1],
        [3, 2],
        [7, 3],
      ],
      10,
    );
    const b = bucketsOf(runTiles(l, 0, 10, 1));
    expect(b.dominant).toEqual([2]);
    expect(b.cover).toEqual([255]);
    expect(b.merged).toEqual([1]);
  });

  it('never picks the empty value, even when idle covers most of the bucket', () => {
    // [0,8) idle, [8,10) G4: cover 2/10 × 255 = 51.
    const l = lane(
      [
        [0, -1],
        [8, 4],
      ],
      10,
    );
    const b = bucketsOf(runTiles(l, 0, 10, 1));
    expect(b.dominant).toEqual([4]);
    expect(b.cover).toEqual([51]);
    expect(b.merged).toEqual([1]);
  });

  it('on a tie keeps the earlier run', () => {
    const l = lane(
      [
        [0, 1],
        [5, 2],
      ],
      10,
    );
    expect(bucketsOf(runTiles(l, 0, 10, 1)).dominant).toEqual([1]);
  });

  it('sums the time of several runs of one value only as cover, the dominant being the longest single run', () => {
    // [0,3) G1, [3,4) G2, [4,6) G1, [6,10) idle: G1's longest run is 3 ns > G2's 1 ns; cover 6/10 → 153.
    const l = lane(
      [
        [0, 1],
        [3, 2],
        [4, 1],
        [6, -1],
      ],
      10,
    );
    const b = bucketsOf(runTiles(l, 0, 10, 1));
    expect(b.dominant).toEqual([1]);
    expect(b.cover).toEqual([153]);
  });

  it('reads a window that starts inside a run', () => {
    // Window [30,50], 2 buckets: b0 [30,40) G7, b1 [40,50) idle.
    const b = bucketsOf(runTiles(p, 30, 50, 2));
    expect(b.dominant).toEqual([7, -1]);
    expect(b.cover).toEqual([255, 0]);
    expect(b.merged).toEqual([0, 0]);
    // A window wholly inside one run.
    expect(bucketsOf(runTiles(p, 26, 27, 3)).dominant).toEqual([7, 7, 7]);
    expect(bucketsOf(runTiles(p, 26, 27, 3)).cover).toEqual([255, 255, 255]);
  });

  it('ends runs at the lane end: a window past it is empty, one across it half covered', () => {
    // One run [0,100) G3, lane end 100.
    const l = lane([[0, 3]], 100);
    const past = bucketsOf(runTiles(l, 150, 250, 4));
    expect(past.dominant).toEqual([-1, -1, -1, -1]);
    expect(past.cover).toEqual([0, 0, 0, 0]);
    expect(past.merged).toEqual([0, 0, 0, 0]);
    // [80,120] in one bucket: 20 of 40 ns → 128.
    const across = bucketsOf(runTiles(l, 80, 120, 1));
    expect(across.dominant).toEqual([3]);
    expect(across.cover).toEqual([128]);
    // [50,150] in 2 buckets: [50,100) covered, [100,150) nothing.
    const two = bucketsOf(runTiles(l, 50, 150, 2));
    expect(two.dominant).toEqual([3, -1]);
    expect(two.cover).toEqual([255, 0]);
  });

  it('is empty before a lane that starts later', () => {
    const l = lane([[100, 3]], 200);
    expect(bucketsOf(runTiles(l, 0, 100, 2)).dominant).toEqual([-1, -1]);
    const b = bucketsOf(runTiles(l, 0, 200, 2));
    expect(b.dominant).toEqual([-1, 3]);
    expect(b.cover).toEqual([0, 255]);
    expect(b.merged).toEqual([0, 0]);
  });

  it('ignores runs that last no time', () => {
    // [0,5) G1, instant G2 at 5, [5,10) G3.
    const l = lane(
      [
        [0, 1],
        [5, 2],
        [5, 3],
      ],
      10,
    );
    const b = bucketsOf(runTiles(l, 0, 10, 2));
    expect(b.dominant).toEqual([1, 3]);
    expect(b.merged).toEqual([0, 0]);
  });

  it('leaves an empty lane, an empty window and other lanes untouched', () => {
    const out = emptyTiles({ t0: 0, t1: 40, width: 4 }, 3);
    const scratch = new TileScratch(4);
    fillRunLane(out, 1, p, scratch);
    fillRunLane(out, 2, { ...p, lo: 2, hi: 2 }, scratch);
    expect(bucketsOf(out, 0).dominant).toEqual([-1, -1, -1, -1]);
    expect(bucketsOf(out, 1).dominant).toEqual([5, -1, 7, 7]);
    expect(bucketsOf(out, 2).dominant).toEqual([-1, -1, -1, -1]);
    expect(bucketsOf(out, 2).cover).toEqual([0, 0, 0, 0]);
    const zero = emptyTiles({ t0: 10, t1: 10, width: 2 }, 1);
    fillRunLane(zero, 0, p, new TileScratch(2));
    expect(bucketsOf(zero).dominant).toEqual([-1, -1]);
  });

  it('reads only runs [lo, hi) of shared columns', () => {
    // Columns: lane A = [0,50) G1 (run 0); lane B = [0,10) G2, [10,20) idle (runs 1..2).
    const cols = { time: Float64Array.from([0, 0, 10]), value: Int32Array.from([1, 2, -1]), cover: new Uint8Array(3).fill(COVER_EXACT) };
    const b = bucketsOf(runTiles({ ...cols, lo: 1, hi: 3, end: 50, empty: -1, states: false }, 0, 20, 2));
    expect(b.dominant).toEqual([2, -1]);
    const a = bucketsOf(runTiles({ ...cols, lo: 0, hi: 1, end: 50, empty: -1, states: false }, 0, 20, 2));
    expect(a.dominant).toEqual([1, 1]);
  });

  it('counts a merged run (cover < 255) for its share of time and always as merged', () => {
    // One merged run [0,10) of G3 whose parts covered half its time (cover 127 of 254).
    const l = lane([[0, 3]], 10, { cover: [127] });
    const b = bucketsOf(runTiles(l, 0, 10, 1));
    expect(b.dominant).toEqual([3]);
    expect(b.cover).toEqual([128]); // 127/254 = 0.5 → 127.5 → 128
    expect(b.merged).toEqual([1]);
    // Fully covered (254) it weighs as much as an exact run, and still reads as merged alone.
    const full = bucketsOf(runTiles(lane([[0, 3]], 10, { cover: [254] }), 0, 10, 1));
    expect([full.dominant[0], full.cover[0], full.merged[0]]).toEqual([3, 255, 1]);
    // Next to an exact run: the exact G1 [0,4) holds 4 ns; merged G2 [4,10) full (254) holds 6 ns.
    const m = lane(
      [
        [0, 1],
        [4, 2],
      ],
      10,
      { cover: [COVER_EXACT, 254] },
    );
    expect(bucketsOf(runTiles(m, 0, 10, 1)).dominant).toEqual([2]);
    expect(bucketsOf(runTiles(m, 0, 10, 1)).cover).toEqual([255]);
    // With merged G2 a quarter covered (63 of 254) it holds 6 × 63/254 ≈ 1.49 ns < 4: G1 dominates; cover (4 + 1.49) / 10 → 140.
    const q = lane(
      [
        [0, 1],
        [4, 2],
      ],
      10,
      { cover: [COVER_EXACT, 63] },
    );
    expect(bucketsOf(runTiles(q, 0, 10, 1)).dominant).toEqual([1]);
    expect(bucketsOf(runTiles(q, 0, 10, 1)).cover).toEqual([140]);
  });

  it('flags merged for a bucket met by 32,768 merged runs (the counter saturates)', () => {
    const n = 32768;
    const runs: [number, number][] = Array.from({ length: n }, (_, i) => [i, 1]);
    const l = lane(runs, n, { cover: new Array<number>(n).fill(200) });
    expect(bucketsOf(runTiles(l, 0, n, 1)).merged).toEqual([1]);
  });

  it('still flags merged for 32,767 and 32,769 merged runs', () => {
    for (const n of [32767, 32769]) {
      const runs: [number, number][] = Array.from({ length: n }, (_, i) => [i, 1]);
      const l = lane(runs, n, { cover: new Array<number>(n).fill(200) });
      expect(bucketsOf(runTiles(l, 0, n, 1)).merged).toEqual([1]);
    }
  });
});

describe('fillRunLane: goroutine-state lanes (states: true)', () => {
  // Window [0,16], 2 buckets of 8 ns.
  //   [0,1) absent, [1,3) running, [3,8) blocked (sync) | [8,11) runnable, [11,16) absent (exited); end 16.
  const g = lane(
    [
      [0, LANE_ABSENT],
      [1, LANE_RUNNING],
      [3, LANE_BLOCKED_SYNC],
      [8, LANE_RUNNABLE],
      [11, LANE_ABSENT],
    ],
    16,
    { states: true },
  );

  it('fills the share of every state, absent included', () => {
    const b = bucketsOf(runTiles(g, 0, 16, 2));
    // b0: absent 1/8 → 31.875 → 32; running 2/8 → 63.75 → 64; sync 5/8 → 159.375 → 159.
    // b1: runnable 3/8 → 96; absent 5/8 → 159.
    expect(b.shares.slice(0, K)).toEqual(shareRow({ [LANE_ABSENT]: 32, [LANE_RUNNING]: 64, [LANE_BLOCKED_SYNC]: 159 }));
    expect(b.shares.slice(K, 2 * K)).toEqual(shareRow({ [LANE_RUNNABLE]: 96, [LANE_ABSENT]: 159 }));
    // Cover: everything but absent. b0 7/8 → 223.125 → 223; b1 3/8 → 96.
    expect(b.cover).toEqual([223, 96]);
    expect(b.merged).toEqual([1, 1]);
  });

  it('makes the state with most time the dominant one, absent excluded', () => {
    const b = bucketsOf(runTiles(g, 0, 16, 2));
    // b1: absent has 5 ns, runnable 3 ns: runnable.
    expect(b.dominant).toEqual([LANE_BLOCKED_SYNC, LANE_RUNNABLE]);
  });

  it('adds the time of separate runs of one state (unlike P lanes, which compare single runs)', () => {
    // [0,2) net, [2,5) running, [5,8) net: net holds 5 ns in two runs, running 3 ns in one.
    const l = lane(
      [
        [0, LANE_BLOCKED_NET],
        [2, LANE_RUNNING],
        [5, LANE_BLOCKED_NET],
      ],
      8,
      { states: true },
    );
    const b = bucketsOf(runTiles(l, 0, 8, 1));
    expect(b.dominant).toEqual([LANE_BLOCKED_NET]);
    // 5/8 × 255 = 159.375, 3/8 × 255 = 95.625.
    expect(b.shares).toEqual(shareRow({ [LANE_BLOCKED_NET]: 159, [LANE_RUNNING]: 96 }));
  });

  it('has no dominant where the goroutine is absent for the whole bucket', () => {
    const b = bucketsOf(runTiles(g, 12, 16, 1));
    expect(b.dominant).toEqual([-1]);
    expect(b.cover).toEqual([0]);
    expect(b.shares).toEqual(shareRow({ [LANE_ABSENT]: 255 }));
    expect(b.merged).toEqual([0]);
  });

  it('has no shares past the lane end', () => {
    const b = bucketsOf(runTiles(g, 20, 30, 2));
    expect(b.shares.every((x) => x === 0)).toBe(true);
    expect(b.dominant).toEqual([-1, -1]);
  });
});

describe('fillPointLane: step series', () => {
  // Points (10: 5) (25: 8) (27: 2) (60: 4); the series ends at 70.
  const s: PointLane = { time: Float64Array.from([10, 25, 27, 60]), value: Float64Array.from([5, 8, 2, 4]), count: 4, end: 70 };

  it('gives low and high per bucket, the value carried into the bucket included', () => {
    // Window [0,90], 9 buckets of 10 ns.
    //   b0 [0,10): before the first point → NaN
    //   b1 [10,20): 5
    //   b2 [20,30): carried 5, then 8, then 2 → low 2, high 8
    //   b3..b5: carried 2
    //   b6 [60,70): carried 2, then 4 → 2..4
    //   b7 [70,80): starts at the end (not after it) → 4
    //   b8 [80,90): starts after the end → NaN
    const b = bucketsOf(pointTiles(s, 0, 90, 9));
    expect(b.low).toEqual([NaN, 5, 2, 2, 2, 2, 2, 4, NaN]);
    expect(b.high).toEqual([NaN, 5, 8, 2, 2, 2, 4, 4, NaN]);
    // Run-lane columns untouched.
    expect(b.dominant.every((x) => x === -1)).toBe(true);
    expect(b.cover.every((x) => x === 0)).toBe(true);
  });

  it('carries the value from before a window that starts between points', () => {
    // Window [26,30], 2 buckets: b0 [26,28) carried 8, then 2 at 27; b1 [28,30) carried 2.
    const b = bucketsOf(pointTiles(s, 26, 30, 2));
    expect(b.low).toEqual([2, 2]);
    expect(b.high).toEqual([8, 2]);
    // Window [62,66] after the last point, before the end.
    expect(bucketsOf(pointTiles(s, 62, 66, 2)).low).toEqual([4, 4]);
    expect(bucketsOf(pointTiles(s, 62, 66, 2)).high).toEqual([4, 4]);
  });

  it('puts a point exactly on a bucket edge in the later bucket', () => {
    // Window [0,20], 2 buckets: the point at 10 starts b1, b0 has no data.
    const b = bucketsOf(pointTiles(s, 0, 20, 2));
    expect(b.low).toEqual([NaN, 5]);
    expect(b.high).toEqual([NaN, 5]);
  });

  it('is NaN in a window wholly before the first point or after the end, and for no points', () => {
    expect(bucketsOf(pointTiles(s, 0, 9, 3)).high).toEqual([NaN, NaN, NaN]);
    expect(bucketsOf(pointTiles(s, 71, 100, 3)).high).toEqual([NaN, NaN, NaN]);
    const none: PointLane = { time: new Float64Array(0), value: new Float64Array(0), count: 0, end: 70 };
    expect(bucketsOf(pointTiles(none, 0, 70, 2)).low).toEqual([NaN, NaN]);
  });

  it('uses only the first `count` points of its columns', () => {
    const part: PointLane = { ...s, count: 2 }; // (10: 5) (25: 8)
    const b = bucketsOf(pointTiles(part, 20, 40, 2));
    expect(b.low).toEqual([5, 8]);
    expect(b.high).toEqual([8, 8]);
  });

  it('writes lane li only', () => {
    const out = emptyTiles({ t0: 0, t1: 40, width: 2 }, 2);
    fillPointLane(out, 1, s);
    expect(bucketsOf(out, 0).high).toEqual([NaN, NaN]);
    // b0 [0,20): 5 from 10; b1 [20,40): carried 5, then 8 and 2.
    expect(bucketsOf(out, 1).low).toEqual([5, 2]);
    expect(bucketsOf(out, 1).high).toEqual([5, 8]);
  });
});

describe('fillPointLane: ticks (value null)', () => {
  const ticks: PointLane = { time: Float64Array.from([0, 5, 5, 9.999, 10, 35, 40, 41]), value: null, count: 8, end: 50 };

  it('counts points per bucket in high, start inclusive and end exclusive; NaN where none', () => {
    // Window [0,40], 4 buckets: b0 {0,5,5,9.999} = 4, b1 {10} = 1, b2 none, b3 {35} = 1 (40 is the window end).
    const b = bucketsOf(pointTiles(ticks, 0, 40, 4));
    expect(b.high).toEqual([4, 1, NaN, 1]);
    expect(b.low.every(Number.isNaN)).toBe(true);
  });

  it('skips points before the window', () => {
    // [5,45], 2 buckets of 20: [5,25) {5,5,9.999,10} = 4; [25,45) {35,40,41} = 3.
    expect(bucketsOf(pointTiles(ticks, 5, 45, 2)).high).toEqual([4, 3]);
  });
});

// ---------------------------------------------------------------------------------------
// Seeded random lanes.


const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/**
 * A lane of up to 40 runs with integer times (some runs lasting no time), embedded at a
 * random offset in longer columns whose other runs are junk, so lo/hi matter.
 */
function randomLane(r: () => number, states: boolean, merged: boolean): RunLane {
  const n = int(r, 0, 40);
  const time: number[] = [];
  const value: number[] = [];
  const cover: number[] = [];
  let t = int(r, 0, 50);
  for (let i = 0; i < n; i++) {
    time.push(t);
    value.push(states ? int(r, 0, K - 1) : int(r, -1, 5));
    cover.push(merged && r() < 0.3 ? (r() < 0.2 ? 254 : int(r, 0, 254)) : COVER_EXACT);
    t += r() < 0.15 ? 0 : int(r, 1, 30);
  }
  const before = int(r, 0, 3);
  const after = int(r, 0, 3);
  const junkT = () => int(r, -1000, 5000);
  return {
    time: Float64Array.from([...Array.from({ length: before }, junkT), ...time, ...Array.from({ length: after }, junkT)]),
    value: Int32Array.from([...new Array<number>(before).fill(3), ...value, ...new Array<number>(after).fill(3)]),
    cover: Uint8Array.from([...new Array<number>(before).fill(COVER_EXACT), ...cover, ...new Array<number>(after).fill(COVER_EXACT)]),
    lo: before,
    hi: before + n,
    end: t + int(r, 0, 50),
    empty: states ? LANE_ABSENT : -1,
    states,
  };
}

/** The lane's runs as [start, end, value, weight, exact]: a merged run fully covered (254) weighs 1 but is not exact. */
function plainRuns(l: RunLane): [number, number, number, number, boolean][] {
  const out: [number, number, number, number, boolean][] = [];
  for (let i = l.lo; i < l.hi; i++) {
    const c = l.cover[i];
    out.push([l.time[i], i + 1 < l.hi ? l.time[i + 1] : l.end, l.value[i], c === COVER_EXACT ? 1 : c / 254, c === COVER_EXACT]);
  }
  return out;
}

/** Brute force: every run against every bucket [t0 + b·bw, t0 + (b+1)·bw). */
function reference(l: RunLane, t0: number, t1: number, width: number) {
  const bw = (t1 - t0) / width;
  const dominant: number[] = [];
  const cover: number[] = [];
  const merged: number[] = [];
  const shares: number[] = [];
  for (let b = 0; b < width; b++) {
    const lo = t0 + b * bw;
    const hi = Math.min(t1, t0 + (b + 1) * bw);
    let meets = 0;
    let covered = 0;
    let best = 0;
    let dom = -1;
    const perState = new Array<number>(K).fill(0);
    for (const [s, e, v, w, exact] of plainRuns(l)) {
      const ov = Math.min(e, hi) - Math.max(s, lo);
      if (ov <= 0) continue;
      meets += exact ? 1 : 2;
      if (l.states) perState[v] += ov * w;
      if (v === l.empty) continue;
      covered += ov * w;
      if (ov * w > best) {
        best = ov * w;
        dom = v;
      }
    }
    if (l.states) {
      dom = -1;
      let top = 0;
      for (let k = 0; k < K; k++) {
        if (k !== LANE_ABSENT && perState[k] > top) {
          top = perState[k];
          dom = k;
        }
      }
    }
    dominant.push(dom);
    cover.push(Math.round(Math.min(1, covered / bw) * 255));
    merged.push(meets > 1 ? 1 : 0);
    for (let k = 0; k < K; k++) shares.push(l.states ? Math.round(Math.min(1, perState[k] / bw) * 255) : 0);
  }
  return { dominant, cover, merged, shares };
}

/** A window with integer bucket edges: t0 integer, bucket width k ns, an even number of buckets. */
function integerWindow(r: () => number, l: RunLane): { t0: number; t1: number; width: number; k: number } {
  const width = 2 * int(r, 1, 20);
  const k = int(r, 1, 20);
  const t0 = int(r, -20, (l.hi > l.lo ? l.end : 100) + 20);
  return { t0, t1: t0 + width * k, width, k };
}

describe('fillRunLane on seeded random lanes', () => {
  const CASES = 400;

  it('matches a brute-force reference (P-like and goroutine lanes, exact and merged runs)', () => {
    const r = rng(1);
    for (let c = 0; c < CASES; c++) {
      const l = randomLane(r, c % 2 === 1, c % 3 === 0);
      const { t0, t1, width } = integerWindow(r, l);
      const got = bucketsOf(runTiles(l, t0, t1, width));
      const want = reference(l, t0, t1, width);
      const ctx = { case: c, t0, t1, width };
      expect({ ...ctx, dominant: got.dominant }).toEqual({ ...ctx, dominant: want.dominant });
      expect({ ...ctx, cover: got.cover }).toEqual({ ...ctx, cover: want.cover });
      expect({ ...ctx, merged: got.merged }).toEqual({ ...ctx, merged: want.merged });
      expect({ ...ctx, shares: got.shares }).toEqual({ ...ctx, shares: want.shares });
    }
  });

  it('covers, summed over buckets, the busy time inside the window (±half a unit of 1/255 per bucket), for any window', () => {
    const r = rng(2);
    for (let c = 0; c < CASES; c++) {
      const l = randomLane(r, c % 2 === 1, c % 3 === 0);
      // Any real window, any width: bucket edges need not be integers.
      const t0 = r() * ((l.hi > l.lo ? l.end : 100) + 40) - 20;
      const t1 = t0 + 0.5 + r() * 400;
      const width = int(r, 1, 97);
      const bw = (t1 - t0) / width;
      const t = runTiles(l, t0, t1, width);
      let fromTiles = 0;
      for (let b = 0; b < width; b++) fromTiles += (t.cover[b] / 255) * bw;
      let busy = 0;
      for (const [s, e, v, w] of plainRuns(l)) if (v !== l.empty) busy += Math.max(0, Math.min(e, t1) - Math.max(s, t0)) * w;
      expect(Math.abs(fromTiles - busy), `case ${c}: tiles ${fromTiles}, runs ${busy}`).toBeLessThanOrEqual(width * bw * (0.5 / 255) + 1e-6);
    }
  });

  it('gives the same buckets for a window as for its two halves with half the buckets each', () => {
    const r = rng(3);
    for (let c = 0; c < CASES; c++) {
      const l = randomLane(r, c % 2 === 0, c % 4 === 1);
      const { t0, t1, width, k } = integerWindow(r, l);
      const tm = t0 + (width / 2) * k;
      const whole = bucketsOf(runTiles(l, t0, t1, width));
      const a = bucketsOf(runTiles(l, t0, tm, width / 2));
      const b = bucketsOf(runTiles(l, tm, t1, width / 2));
      const ctx = `case ${c}: [${t0}, ${tm}, ${t1}] × ${width}`;
      expect([...a.dominant, ...b.dominant], ctx).toEqual(whole.dominant);
      expect([...a.cover, ...b.cover], ctx).toEqual(whole.cover);
      expect([...a.merged, ...b.merged], ctx).toEqual(whole.merged);
      expect([...a.shares, ...b.shares], ctx).toEqual(whole.shares);
    }
  });
});

describe('fillPointLane on seeded random series', () => {
  function randomPoints(r: () => number, ticks: boolean): PointLane {
    const n = int(r, 0, 30);
    const time: number[] = [];
    let t = int(r, 0, 40);
    for (let i = 0; i < n; i++) {
      time.push(t);
      t += r() < 0.2 ? 0 : int(r, 1, 25);
    }
    // Columns longer than `count`: the tail must be ignored.
    const extra = int(r, 0, 2);
    return {
      time: Float64Array.from([...time, ...Array.from({ length: extra }, () => int(r, 0, 10))]),
      value: ticks ? null : Float64Array.from([...time.map(() => int(r, -50, 50)), ...new Array<number>(extra).fill(999)]),
      count: n,
      end: (n > 0 ? time[n - 1] : 0) + int(r, 0, 40),
    };
  }

  /** Bucket [lo, hi): ticks count points in it; a series takes the value carried in (last point before lo) and every point in it. */
  function pointReference(p: PointLane, t0: number, t1: number, width: number) {
    const bw = (t1 - t0) / width;
    const low: number[] = [];
    const high: number[] = [];
    for (let b = 0; b < width; b++) {
      const lo = t0 + b * bw;
      const hi = t0 + (b + 1) * bw;
      const inside: number[] = [];
      let carried: number | null = null;
      for (let i = 0; i < p.count; i++) {
        if (p.time[i] < lo) carried = i;
        else if (p.time[i] < hi) inside.push(i);
      }
      if (p.value === null) {
        low.push(NaN);
        high.push(inside.length > 0 ? inside.length : NaN);
        continue;
      }
      const vals = [...(carried === null ? [] : [carried]), ...inside].map((i) => p.value![i]);
      if (lo > p.end || vals.length === 0) {
        low.push(NaN);
        high.push(NaN);
      } else {
        low.push(Math.min(...vals));
        high.push(Math.max(...vals));
      }
    }
    return { low, high };
  }

  it('matches a brute-force reference, and a window equals its two halves', () => {
    const r = rng(4);
    for (let c = 0; c < 400; c++) {
      const p = randomPoints(r, c % 3 === 0);
      const width = 2 * int(r, 1, 16);
      const k = int(r, 1, 15);
      const t0 = int(r, -20, p.end + 20);
      const t1 = t0 + width * k;
      const tm = t0 + (width / 2) * k;
      const whole = bucketsOf(pointTiles(p, t0, t1, width));
      const want = pointReference(p, t0, t1, width);
      const ctx = `case ${c}: [${t0}, ${t1}] × ${width}`;
      expect(whole.low, ctx).toEqual(want.low);
      expect(whole.high, ctx).toEqual(want.high);
      const a = bucketsOf(pointTiles(p, t0, tm, width / 2));
      const b = bucketsOf(pointTiles(p, tm, t1, width / 2));
      expect([...a.low, ...b.low], ctx).toEqual(whole.low);
      expect([...a.high, ...b.high], ctx).toEqual(whole.high);
    }
  });
});
