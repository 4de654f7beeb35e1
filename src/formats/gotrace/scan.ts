/**
 * What every trace reader (v1 and v2) offers: a resumable scan that streams ordered events
 * into a TraceEventSink, run either to the end or in slices of work between which the
 * caller can yield to the event loop (cooperative cancellation in a Web Worker).
 */
import type { TraceWarning } from '../../model/trace';

export interface ScanOptions {
  /** Bytes consumed so far and the total; called about every 50 ms of work and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Set `aborted` to stop: the scan throws an Error saying it was cancelled. */
  signal?: { aborted: boolean };
  /**
   * v2: start at this byte (a generation's start from a scan's generationIndex) as if the
   * trace began there, like a flight-recorder trace; times are then relative to it.
   */
  startOffset?: number;
}

/** Where each generation starts: byte offset and time (relative ns). Empty for v1 traces. */
export interface GenerationIndex {
  offset: number[];
  startNs: number[];
}

export interface ScanResult {
  generations: number;
  firstGeneration: number;
  /** Absolute ns (trace clock) of relative time 0. */
  clockBaseNs: number;
  wallClockBaseNs: number;
  endNs: number;
  events: number;
  procs: number;
  experimentalBatches: number;
  warnings: TraceWarning[];
  error: TraceWarning | null;
  generationIndex: GenerationIndex;
}

/** A result with nothing scanned yet; `firstGeneration` is 1 for v1 traces (one implicit generation). */
export function emptyScanResult(firstGeneration: number): ScanResult {
  return {
    generations: 0,
    firstGeneration,
    clockBaseNs: 0,
    wallClockBaseNs: 0,
    endNs: 0,
    events: 0,
    procs: 0,
    experimentalBatches: 0,
    warnings: [],
    error: null,
    generationIndex: { offset: [], startNs: [] },
  };
}

/** A scan that can be run in slices of work. */
export interface TraceScanner {
  /** Works until done (true) or until `performance.now() >= deadline` (false). */
  run(deadline: number): boolean;
  /** Bytes of the file consumed so far (approximate inside a batch of work). */
  progress(): number;
  result(): ScanResult;
}

export const CANCELLED_MESSAGE = 'trace parsing cancelled (aborted)';

/** The Error a cancelled parse throws. */
export function cancelledError(): Error {
  return new Error(CANCELLED_MESSAGE);
}

export function isCancelled(e: unknown): boolean {
  return e instanceof Error && e.message === CANCELLED_MESSAGE;
}

/** How often (in events) run loops look at the clock, the signal and the sink. */
export const CHECK_EVERY = 2048;
/** Progress callbacks: at most one per this many ms (plus one at the end). */
export const PROGRESS_MS = 50;
