/**
 * The trace timeline's model: every goroutine's states over time and what ran on each P,
 * as runs in typed columns (no object per event). It is built on demand by a second scan
 * of the trace (formats/gotrace/build/timeline-builder.ts), so loading a trace for the
 * goroutine table never pays for it.
 *
 * A run is a stretch of time in one state; it ends where the lane's next run starts, or at
 * the lane's end. Runs of a lane are contiguous in the columns (CSR: lane i's runs are
 * [offset[i], offset[i + 1])), in time order. Times are relative ns like the TraceModel's.
 *
 * A big trace's timeline has a floor: runs shorter than it are merged per lane into one run
 * that says what held longest and how much of the time anything held (`cover`), and the
 * details of single runs are left out; a window read again from the trace (timeline
 * windows) has them. With a floor of 0 every run is exact.
 */

/** `cover` of an exact run; merged runs have 0–254 (share of their time covered × 254). */
export const COVER_EXACT = 255;

// What a goroutine lane shows, one code per run.
export const LANE_ABSENT = 0; // not created yet, or exited
export const LANE_RUNNING = 1;
export const LANE_RUNNABLE = 2;
export const LANE_SYSCALL = 3;
/** Blocked on a channel, select, mutex or other sync primitive (go tool trace's "sync"). */
export const LANE_BLOCKED_SYNC = 4;
export const LANE_BLOCKED_NET = 5;
/** Blocked for any other reason: sleep, GC, system goroutine parking, unknown. */
export const LANE_BLOCKED_OTHER = 6;
/** Running, and inside a "GC mark assist" range: the goroutine pays for the collector. */
export const LANE_GC_ASSIST = 7;
export const LANE_STATE_COUNT = 8;
export const LANE_STATE_NAMES = ['absent', 'running', 'runnable', 'syscall', 'blocked (sync)', 'blocked (network)', 'blocked (other)', 'GC assist'];

/** Whether a lane state is the goroutine running (assisting the GC included). */
export function isRunningState(state: number): boolean {
  return state === LANE_RUNNING || state === LANE_GC_ASSIST;
}

/** Goroutine lanes, one per goroutine slot of the TraceModel's GoroutineTable (same order). */
export interface GoroutineRuns {
  /** Lanes (goroutine slots). */
  count: number;
  /** Goroutine id of each lane. */
  id: Float64Array;
  /** The goroutine's last trace label (string id: "GC (dedicated)"… for GC workers), 0 if none. */
  label: Int32Array;
  /** Lane i's runs are [offset[i], offset[i + 1]). */
  offset: Int32Array;
  /** When the run starts. */
  time: Float64Array;
  /** LANE_* code (of a merged run: the state that held longest). */
  state: Uint8Array;
  cover: Uint8Array;
  /** The details below are empty arrays when the timeline has a floor. */
  /** The transition's reason (string id: "chan receive", "preempted"…), 0 if none. */
  reason: Int32Array;
  /** Stack of the transition that began the run (where it blocked, was created…), 0 if none. */
  stack: Int32Array;
  /** Goroutine slot that made this run happen (the unblocker of a runnable run), -1 if none. */
  by: Int32Array;
}

/** P lanes: what each P ran, as runs of one goroutine slot (-1: nothing running). */
export interface ProcRuns {
  /** Lanes; lane i is the P with id `proc[i]`. */
  count: number;
  proc: Float64Array;
  offset: Int32Array;
  time: Float64Array;
  slot: Int32Array;
  cover: Uint8Array;
}

/** A step series: `value[i]` holds from `time[i]` to `time[i + 1]`. */
export interface StepSeries {
  count: number;
  time: Float64Array;
  value: Float64Array;
}

export interface TimelineModel {
  /** The trace spans [0, endNs]. */
  endNs: number;
  /** Runs shorter than this are merged (0: every run exact). */
  floorNs: number;
  goroutines: GoroutineRuns;
  procs: ProcRuns;
  /** Live goroutines (created, not exited) and runnable ones, as step series. */
  liveGoroutines: StepSeries;
  runnableGoroutines: StepSeries;
  /** State transitions seen, for a progress line and sanity checks. */
  transitions: number;
}

/** Moves every time of `tl` by `deltaNs` (a window read counts from its own start). */
export function shiftTimeline(tl: TimelineModel, deltaNs: number): void {
  for (const a of [tl.goroutines.time, tl.procs.time, tl.liveGoroutines.time, tl.runnableGoroutines.time]) {
    for (let i = 0; i < a.length; i++) a[i] += deltaNs;
  }
  tl.endNs += deltaNs;
}

/** Every buffer under `tl`'s columns, to transfer it to another thread. */
export function timelineBuffers(tl: TimelineModel): ArrayBuffer[] {
  const columns = [
    ...Object.values(tl.goroutines),
    ...Object.values(tl.procs),
    ...Object.values(tl.liveGoroutines),
    ...Object.values(tl.runnableGoroutines),
  ].filter((c): c is ArrayBufferView => ArrayBuffer.isView(c));
  return [...new Set(columns.map((c) => c.buffer as ArrayBuffer))];
}
