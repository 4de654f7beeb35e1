/**
 * The execution-trace model: what the trace views need, kept columnar.
 *
 * Parsers (src/formats/gotrace) never build one object per event. They put events in one
 * valid order and push them, as plain numbers, into a TraceEventSink. The model builder is
 * one such sink (aggregates: per-goroutine time breakdown, counts, metric series, derived
 * profile records); "snapshot at an instant" is another, run over the bytes again on demand.
 *
 * Times are nanoseconds relative to the trace's first Sync (the start of the first
 * generation), so they stay exact doubles; `summary.clockBaseNs` is that zero on the trace
 * clock (absolute, as `go tool trace` prints it).
 */
import { grown } from './growable';
import { StringTable } from './string-table';
import type { TimelineModel } from './timeline';

// Goroutine states as the Go reader reports them (internal/trace GoState).
export const GO_UNDETERMINED = 0;
export const GO_NOT_EXIST = 1;
export const GO_RUNNABLE = 2;
export const GO_RUNNING = 3;
export const GO_WAITING = 4;
export const GO_SYSCALL = 5;
export const GO_STATE_NAMES = ['Undetermined', 'NotExist', 'Runnable', 'Running', 'Waiting', 'Syscall'];

// Proc states (internal/trace ProcState).
export const PROC_UNDETERMINED = 0;
export const PROC_NOT_EXIST = 1;
export const PROC_RUNNING = 2;
export const PROC_IDLE = 3;
export const PROC_STATE_NAMES = ['Undetermined', 'NotExist', 'Running', 'Idle'];

// Range scopes.
export const SCOPE_NONE = 0;
export const SCOPE_GOROUTINE = 1;
export const SCOPE_PROC = 2;

// Metrics carried by the trace.
export const METRIC_GOMAXPROCS = 0;
export const METRIC_HEAP_ALLOC = 1;
export const METRIC_HEAP_GOAL = 2;
export const METRIC_NAMES = ['/sched/gomaxprocs:threads', '/memory/classes/heap/objects:bytes', '/gc/heap/goal:bytes'];

/** "No goroutine / proc / thread" in sink arguments. */
export const NONE = -1;

/** High-level event kinds, named as the Go reader names them (for counts and summaries). */
export const KIND_NAMES = [
  'Sync',
  'StateTransition',
  'RangeBegin',
  'RangeActive',
  'RangeEnd',
  'Metric',
  'Label',
  'TaskBegin',
  'TaskEnd',
  'RegionBegin',
  'RegionEnd',
  'Log',
  'StackSample',
  'Experimental',
] as const;

/**
 * Strings, frames and stacks shared by the whole trace. Per-generation IDs from the wire
 * are translated into these on the fly. Stack 0 is the empty stack; stacks are leaf first.
 */
export class TraceSymbols {
  private readonly table = new StringTable();
  readonly strings = this.table.list;
  private frameFunc: Int32Array = new Int32Array(256);
  private frameFile: Int32Array = new Int32Array(256);
  private frameLine: Int32Array = new Int32Array(256);
  private framePc: Float64Array = new Float64Array(256);
  frameCount = 0;
  private readonly frameIndex = new Map<string, number>();
  private stackOffset: Int32Array = new Int32Array(256);
  private stackLen: Int32Array = new Int32Array(256);
  private stackFrames: Int32Array = new Int32Array(1024);
  private stackFramesUsed = 0;
  stackCount = 1; // stack 0: empty
  private readonly stackIndex = new Map<string, number>([['', 0]]);

  intern(s: string): number {
    return this.table.intern(s);
  }

  frame(pc: number, func: number, file: number, line: number): number {
    const key = `${pc}:${func}:${file}:${line}`;
    let f = this.frameIndex.get(key);
    if (f !== undefined) return f;
    f = this.frameCount++;
    if (f === this.frameFunc.length) {
      this.frameFunc = grown(this.frameFunc, f + 1);
      this.frameFile = grown(this.frameFile, f + 1);
      this.frameLine = grown(this.frameLine, f + 1);
      this.framePc = grown(this.framePc, f + 1);
    }
    this.frameFunc[f] = func;
    this.frameFile[f] = file;
    this.frameLine[f] = line;
    this.framePc[f] = pc;
    this.frameIndex.set(key, f);
    return f;
  }

  /** Interns a stack given as global frame ids, leaf first. */
  stack(frames: ArrayLike<number>, n = frames.length): number {
    if (n === 0) return 0;
    let key = '';
    for (let i = 0; i < n; i++) key += i === 0 ? `${frames[i]}` : `,${frames[i]}`;
    let s = this.stackIndex.get(key);
    if (s !== undefined) return s;
    s = this.stackCount++;
    if (s === this.stackOffset.length) {
      this.stackOffset = grown(this.stackOffset, s + 1);
      this.stackLen = grown(this.stackLen, s + 1);
    }
    if (this.stackFramesUsed + n > this.stackFrames.length) this.stackFrames = grown(this.stackFrames, this.stackFramesUsed + n);
    this.stackOffset[s] = this.stackFramesUsed;
    this.stackLen[s] = n;
    for (let i = 0; i < n; i++) this.stackFrames[this.stackFramesUsed++] = frames[i];
    this.stackIndex.set(key, s);
    return s;
  }

  stackLength(stack: number): number {
    return stack === 0 ? 0 : this.stackLen[stack];
  }

  /** Global frame id of frame i (0 = leaf) of a stack. */
  stackFrame(stack: number, i: number): number {
    return this.stackFrames[this.stackOffset[stack] + i];
  }

  funcOf(frame: number): number {
    return this.frameFunc[frame];
  }
  fileOf(frame: number): number {
    return this.frameFile[frame];
  }
  lineOf(frame: number): number {
    return this.frameLine[frame];
  }
  pcOf(frame: number): number {
    return this.framePc[frame];
  }

  /** Function name of the outermost frame, "" for the empty stack. */
  rootFunc(stack: number): string {
    return this.strings[this.rootFuncId(stack)];
  }

  /** String id of the outermost frame's function, 0 ("") for the empty stack. */
  rootFuncId(stack: number): number {
    const n = this.stackLength(stack);
    return n === 0 ? 0 : this.frameFunc[this.stackFrame(stack, n - 1)];
  }

  /** How much is interned so far, for deltaSince. */
  mark(): SymbolMark {
    return { strings: this.strings.length, frames: this.frameCount, stacks: this.stackCount };
  }

  /**
   * Everything interned after `m`, as copies (transferable). Applied in order to a replica
   * that started equal, applyDelta gives every string, frame and stack the same id.
   */
  deltaSince(m: SymbolMark): SymbolDelta {
    const f0 = m.frames;
    const f1 = this.frameCount;
    const firstStackFrame = m.stacks < this.stackCount ? this.stackOffset[m.stacks] : this.stackFramesUsed;
    return {
      strings: this.strings.slice(m.strings),
      frameFunc: this.frameFunc.slice(f0, f1),
      frameFile: this.frameFile.slice(f0, f1),
      frameLine: this.frameLine.slice(f0, f1),
      framePc: this.framePc.slice(f0, f1),
      stackLen: this.stackLen.slice(m.stacks, this.stackCount),
      stackFrames: this.stackFrames.slice(firstStackFrame, this.stackFramesUsed),
    };
  }

  applyDelta(d: SymbolDelta): void {
    const expect = this.mark();
    for (const s of d.strings) this.intern(s);
    for (let i = 0; i < d.frameFunc.length; i++) this.frame(d.framePc[i], d.frameFunc[i], d.frameFile[i], d.frameLine[i]);
    let at = 0;
    for (let i = 0; i < d.stackLen.length; i++) {
      this.stack(d.stackFrames.subarray(at, at + d.stackLen[i]));
      at += d.stackLen[i];
    }
    const got = this.mark();
    if (
      got.strings !== expect.strings + d.strings.length ||
      got.frames !== expect.frames + d.frameFunc.length ||
      got.stacks !== expect.stacks + d.stackLen.length
    ) {
      throw new Error('trace symbols out of step with their source');
    }
  }

  /** Every transferable buffer of a delta. */
  static transferables(d: SymbolDelta): ArrayBuffer[] {
    return [d.frameFunc, d.frameFile, d.frameLine, d.framePc, d.stackLen, d.stackFrames].map((a) => a.buffer as ArrayBuffer);
  }
}

export interface SymbolMark {
  strings: number;
  frames: number;
  stacks: number;
}

/** Strings, frames and stacks interned since a mark (see TraceSymbols.deltaSince). */
export interface SymbolDelta {
  strings: string[];
  frameFunc: Int32Array;
  frameFile: Int32Array;
  frameLine: Int32Array;
  framePc: Float64Array;
  stackLen: Int32Array;
  /** Frame ids of the new stacks, back to back. */
  stackFrames: Int32Array;
}

/**
 * Receives the events of a trace in one valid order, as the Go reader would emit them
 * (internal/trace Event), flattened into arguments. `ctxG/ctxP` are the scheduling context
 * of the event (NONE when absent). Strings and stacks are TraceSymbols ids.
 */
export interface TraceEventSink {
  sync(time: number): void;
  /** evStack: the event's own stack (e.g. the creator's for GoCreate); stStack: the stack
   *  of the transition (the new goroutine's start stack for GoCreate). */
  goTransition(
    time: number,
    goid: number,
    from: number,
    to: number,
    reason: number,
    evStack: number,
    stStack: number,
    ctxG: number,
    ctxP: number,
  ): void;
  procTransition(time: number, proc: number, from: number, to: number, ctxG: number, ctxP: number): void;
  /** kind: 0 begin, 1 active, 2 end. */
  range(time: number, kind: number, name: number, scope: number, scopeId: number, ctxG: number, ctxP: number, stack: number): void;
  metric(time: number, metric: number, value: number): void;
  label(time: number, goid: number, label: number): void;
  task(time: number, begin: boolean, id: number, parent: number, name: number, ctxG: number, stack: number): void;
  region(time: number, begin: boolean, task: number, name: number, ctxG: number, stack: number): void;
  log(time: number, task: number, key: number, value: number, ctxG: number, stack: number): void;
  cpuSample(time: number, goid: number, proc: number, stack: number): void;
  experimental(time: number, type: number): void;
  /** Return true to stop the scan early (snapshots stop at their instant). */
  readonly stopped?: boolean;
}

export interface TraceWarning {
  /** Byte offset in the file where the problem was found, -1 when not tied to one. */
  offset: number;
  message: string;
}

export interface TraceSummary {
  /** Format version from the header, e.g. "1.26" (1.27 writes 1.26). */
  goVersion: string;
  formatMinor: number;
  /** Absolute trace-clock ns of time 0 (the first Sync). */
  clockBaseNs: number;
  /** Time of the last event (relative ns); the trace spans [0, endNs]. */
  endNs: number;
  events: number;
  eventsByKind: Record<string, number>;
  goStateTransitions: Record<string, number>;
  procStateTransitions: Record<string, number>;
  rangeBeginsByName: Record<string, number>;
  metricsByName: Record<string, number>;
  goroutines: number;
  procs: number;
  generations: number;
  syncEvents: number;
  experimentalEvents: number;
  cpuSamples: number;
  /** Unix ns of time 0 when the trace carries a clock snapshot (Go 1.25+), else 0. */
  wallClockBaseNs: number;
  warnings: TraceWarning[];
  /** Set when parsing stopped on an error; everything before it is in the model. */
  error: TraceWarning | null;
  /** v2: byte offset and start time (relative ns) of each generation; empty for v1. */
  generationIndex: { offset: number[]; startNs: number[] };
}

/** Per-goroutine columns; row i is goroutine slot i (ids can repeat if reused). */
export interface GoroutineTable {
  count: number;
  id: Float64Array;
  /** Start function (outermost frame of the first stack seen), string id; 0 = unknown. */
  name: Int32Array;
  creationNs: Float64Array;
  /** First time it ran; NaN if it never ran. */
  startNs: Float64Array;
  /** Exit (or blocked forever) time; NaN if still alive at the end. */
  endNs: Float64Array;
  /** Goroutine id of the creator, -1 if unknown (existed before the trace). */
  creator: Float64Array;
  /** Stack of the go statement that created it (0 if unknown). */
  creationStack: Int32Array;
  execNs: Float64Array;
  schedWaitNs: Float64Array;
  syscallNs: Float64Array;
  syscallBlockNs: Float64Array;
  /** Block reasons with "chan", "sync" or "select" in them (go tool trace's sync profile). */
  blockSyncNs: Float64Array;
  /** Block reason "network". */
  blockNetNs: Float64Array;
  /** Every other block reason (sleep, GC waits, unspecified, ...). */
  blockOtherNs: Float64Array;
  /** Time inside "GC mark assist" ranges. */
  gcAssistNs: Float64Array;
  /** Time inside "GC incremental sweep" ranges begun and ended on this goroutine. */
  gcSweepNs: Float64Array;
  totalNs: Float64Array;
  /** TotalTime minus all non-overlapping stats, as summary.go computes it. */
  unknownNs: Float64Array;
  regions: Int32Array;
}

/** Sparse (goroutine, key, ns) rows: block time per reason, time per range name. */
export interface SparseTimes {
  count: number;
  goroutine: Int32Array;
  key: Int32Array;
  ns: Float64Array;
}

export interface TaskInfo {
  id: number;
  name: string;
  /** -1 when there is none or it is unknown. */
  parent: number;
  startNs: number | null;
  endNs: number | null;
  logs: number;
  regions: number;
  goroutines: number;
}

export interface RegionInfo {
  goroutine: number;
  task: number;
  name: string;
  /** null: began before the trace (or a synthetic region inherited from the creator). */
  startNs: number | null;
  /** null: still open at the end. */
  endNs: number | null;
  startStack: number;
}

/** Time ranges (GC cycles, stop-the-world pauses). */
export interface RangeTable {
  count: number;
  startNs: Float64Array;
  /** NaN if it had not ended when the trace ended. */
  endNs: Float64Array;
  /** String id: the range's name (e.g. "stop-the-world (GC mark termination)"). */
  name: Int32Array;
}

export interface MetricSeries {
  count: number;
  metric: Uint8Array;
  timeNs: Float64Array;
  value: Float64Array;
}

export interface CpuSampleTable {
  count: number;
  timeNs: Float64Array;
  goroutine: Float64Array;
  stack: Int32Array;
}

// Derived-profile kinds (go tool trace -pprof=...).
export const PPROF_NET = 0;
export const PPROF_SYNC = 1;
export const PPROF_SYSCALL = 2;
export const PPROF_SCHED = 3;
export const PPROF_KINDS = ['net', 'sync', 'syscall', 'sched'] as const;
export type PprofKind = (typeof PPROF_KINDS)[number];

/**
 * Aggregated records of the derived profiles: per (kind, stack, start function) the count
 * and the delay, already clipped to each goroutine's [start, end] like `go tool trace`.
 */
export interface DerivedRecords {
  count: number;
  kind: Uint8Array;
  stack: Int32Array;
  /** Start-function name (string id) of the goroutines the delay belongs to. */
  group: Int32Array;
  contentions: Float64Array;
  delayNs: Float64Array;
}

export interface TraceModel {
  summary: TraceSummary;
  symbols: TraceSymbols;
  goroutines: GoroutineTable;
  blockByReason: SparseTimes;
  rangeTimes: SparseTimes;
  tasks: TaskInfo[];
  regions: RegionInfo[];
  gcs: RangeTable;
  stw: RangeTable;
  metrics: MetricSeries;
  cpuSamples: CpuSampleTable;
  derived: DerivedRecords;
  /** Built along the load where its floor could be told up front; else null, built on first use. */
  timeline: TimelineModel | null;
}

export function isSystemGoroutine(name: string): boolean {
  return name === '' || (name !== 'runtime.main' && name.startsWith('runtime.'));
}

/** Block reasons go tool trace counts as synchronization blocking. */
export function isSyncReason(reason: string): boolean {
  return reason.includes('chan') || reason.includes('sync') || reason.includes('select');
}
