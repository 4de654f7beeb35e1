/**
 * What the timeline says about the slice under the pointer or clicked: the goroutine, the
 * run's state and times, the stacks where it started and where it stopped, and who made
 * it runnable (with where that goroutine was, for the flow line).
 */
import { COVER_EXACT, LANE_ABSENT, LANE_RUNNABLE, LANE_STATE_NAMES, isRunningState } from '../../../model/timeline';
import { type StackFrameInfo, stackFrames } from '../stack-frames';
import type { TimelineSource } from './lanes';
import { runAt } from './tiles';

export interface GoroutineRef {
  slot: number;
  id: number;
  /** "G 123 main.worker". */
  label: string;
  /** Its start function, in full ("" when unknown). */
  startFunc: string;
}

export interface SliceDetail {
  lane: string;
  goroutine: GoroutineRef;
  /** LANE_STATE_NAMES entry. */
  state: string;
  reason: string;
  startNs: number;
  endNs: number;
  /** Stack where the goroutine resumed (the transition that last stopped it), leaf first. */
  startStack: StackFrameInfo[];
  /** Stack where it stopped at the end of the slice. */
  endStack: StackFrameInfo[];
  /** A merged run of a big trace's timeline: many short slices, shown by the one that held longest. */
  merged: boolean;
  /** The transition to runnable before a running slice: when, and by which goroutine. */
  madeRunnable: { atNs: number; by: GoroutineRef | null; byLane: string | null } | null;
}

/** The slice of lane `key` at time `t`, or null where the lane shows nothing. */
export function sliceAt(src: TimelineSource, key: string, t: number): SliceDetail | null {
  const [kind, arg] = key.split(':');
  const tl = src.timeline;
  let slot: number;
  if (kind === 'p') {
    const lane = src.runLane(key);
    if (!lane || lane.hi <= lane.lo) return null;
    const r = runAt(lane, t);
    if (lane.time[r] > t || lane.value[r] < 0) return null;
    slot = lane.value[r];
  } else if (kind === 'g') {
    slot = Number(arg);
  } else {
    return null;
  }
  const g = tl.goroutines;
  const gl = src.runLane(`g:${slot}`);
  if (!gl || gl.hi <= gl.lo) return null;
  const r = runAt(gl, t);
  if (g.time[r] > t || g.state[r] === LANE_ABSENT) return null;
  const end = r + 1 < gl.hi ? g.time[r + 1] : tl.endNs;
  const syms = src.model.symbols;
  // A timeline with a floor keeps no details of single runs (a window read has them).
  const exact = g.reason.length > 0;
  // A running slice resumes where the goroutine last stopped: the transition before the runnable one.
  let resumeRun = r - 1;
  if (resumeRun >= gl.lo && g.state[resumeRun] === LANE_RUNNABLE) resumeRun--;
  let madeRunnable: SliceDetail['madeRunnable'] = null;
  const runnableRun = g.state[r] === LANE_RUNNABLE ? r : r - 1 >= gl.lo && g.state[r - 1] === LANE_RUNNABLE ? r - 1 : -1;
  if (runnableRun >= 0 && exact) {
    const by = g.by[runnableRun];
    const at = g.time[runnableRun];
    madeRunnable = { atNs: at, by: by >= 0 ? ref(src, by) : null, byLane: by >= 0 ? procLaneRunning(src, by, at) : null };
  }
  return {
    lane: key,
    goroutine: ref(src, slot),
    state: LANE_STATE_NAMES[g.state[r]],
    reason: exact ? (syms.strings[g.reason[r]] ?? '') : '',
    startNs: g.time[r],
    endNs: end,
    startStack: !exact ? [] : isRunningState(g.state[r]) && resumeRun >= gl.lo ? stackFrames(syms, g.stack[resumeRun]) : stackFrames(syms, g.stack[r]),
    endStack: exact && r + 1 < gl.hi ? stackFrames(syms, g.stack[r + 1]) : [],
    merged: g.cover[r] !== COVER_EXACT,
    madeRunnable,
  };
}

function ref(src: TimelineSource, slot: number): GoroutineRef {
  const g = src.model.goroutines;
  return { slot, id: g.id[slot], label: src.goroutineName(slot), startFunc: src.model.symbols.strings[g.name[slot]] ?? '' };
}

/** The P lane on which `slot` was running at `t`, else its own goroutine lane. */
function procLaneRunning(src: TimelineSource, slot: number, t: number): string {
  const p = src.timeline.procs;
  for (let i = 0; i < p.count; i++) {
    const lane = src.runLane(`p:${i}`);
    if (!lane || lane.hi <= lane.lo) continue;
    const r = runAt(lane, t);
    // A wake-up happens at the unblocker's own transition time: the run may end exactly then.
    if (lane.value[r] === slot && lane.time[r] <= t) return `p:${i}`;
    if (r > lane.lo && lane.value[r - 1] === slot && lane.time[r] === t) return `p:${i}`;
  }
  return `g:${slot}`;
}
