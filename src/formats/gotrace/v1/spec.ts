/**
 * The v1 (Go 1.5–1.21) wire event table, as golang/go src/internal/trace/parser.go (go1.21)
 * and src/internal/trace/internal/tracev1/parser.go describe it: names, declared
 * arguments, whether the last argument is a stack id, and the first format version that
 * has the event. Every event but Batch, Frequency, TimerGoroutine, Stack and String
 * carries a timestamp delta before its arguments.
 */

export const EV_NONE = 0;
export const EV_BATCH = 1;
export const EV_FREQUENCY = 2;
export const EV_STACK = 3;
export const EV_GOMAXPROCS = 4;
export const EV_PROC_START = 5;
export const EV_PROC_STOP = 6;
export const EV_GC_START = 7;
export const EV_GC_DONE = 8;
export const EV_STW_START = 9;
export const EV_STW_DONE = 10;
export const EV_GC_SWEEP_START = 11;
export const EV_GC_SWEEP_DONE = 12;
export const EV_GO_CREATE = 13;
export const EV_GO_START = 14;
export const EV_GO_END = 15;
export const EV_GO_STOP = 16;
export const EV_GO_SCHED = 17;
export const EV_GO_PREEMPT = 18;
export const EV_GO_SLEEP = 19;
export const EV_GO_BLOCK = 20;
export const EV_GO_UNBLOCK = 21;
export const EV_GO_BLOCK_SEND = 22;
export const EV_GO_BLOCK_RECV = 23;
export const EV_GO_BLOCK_SELECT = 24;
export const EV_GO_BLOCK_SYNC = 25;
export const EV_GO_BLOCK_COND = 26;
export const EV_GO_BLOCK_NET = 27;
export const EV_GO_SYS_CALL = 28;
export const EV_GO_SYS_EXIT = 29;
export const EV_GO_SYS_BLOCK = 30;
export const EV_GO_WAITING = 31;
export const EV_GO_IN_SYSCALL = 32;
export const EV_HEAP_ALLOC = 33;
export const EV_HEAP_GOAL = 34;
export const EV_TIMER_GOROUTINE = 35;
// 36 is FutileWakeup: decoded by its DESCS row, otherwise ignored.
export const EV_STRING = 37;
export const EV_GO_START_LOCAL = 38;
export const EV_GO_UNBLOCK_LOCAL = 39;
export const EV_GO_SYS_EXIT_LOCAL = 40;
export const EV_GO_START_LABEL = 41;
export const EV_GO_BLOCK_GC = 42;
export const EV_GC_MARK_ASSIST_START = 43;
export const EV_GC_MARK_ASSIST_DONE = 44;
export const EV_USER_TASK_CREATE = 45;
export const EV_USER_TASK_END = 46;
export const EV_USER_REGION = 47;
export const EV_USER_LOG = 48;
export const EV_CPU_SAMPLE = 49;
export const EV_COUNT = 50;

interface Desc {
  name: string;
  minVersion: number;
  /** The last argument is a stack id. */
  stack: boolean;
  /** Declared arguments (without timestamp and stack). */
  args: number;
}

const D = (name: string, minVersion: number, stack: boolean, args: number): Desc => ({ name, minVersion, stack, args });

export const DESCS: Desc[] = [
  D('None', 5, false, 0),
  D('Batch', 5, false, 2),
  D('Frequency', 5, false, 1),
  D('Stack', 5, false, 2),
  D('Gomaxprocs', 5, true, 1),
  D('ProcStart', 5, false, 1),
  D('ProcStop', 5, false, 0),
  D('GCStart', 5, true, 1),
  D('GCDone', 5, false, 0),
  D('GCSTWStart', 5, false, 1),
  D('GCSTWDone', 5, false, 0),
  D('GCSweepStart', 5, true, 0),
  D('GCSweepDone', 5, false, 2),
  D('GoCreate', 5, true, 2),
  D('GoStart', 5, false, 2),
  D('GoEnd', 5, false, 0),
  D('GoStop', 5, true, 0),
  D('GoSched', 5, true, 0),
  D('GoPreempt', 5, true, 0),
  D('GoSleep', 5, true, 0),
  D('GoBlock', 5, true, 0),
  D('GoUnblock', 5, true, 2),
  D('GoBlockSend', 5, true, 0),
  D('GoBlockRecv', 5, true, 0),
  D('GoBlockSelect', 5, true, 0),
  D('GoBlockSync', 5, true, 0),
  D('GoBlockCond', 5, true, 0),
  D('GoBlockNet', 5, true, 0),
  D('GoSysCall', 5, true, 0),
  D('GoSysExit', 5, false, 3),
  D('GoSysBlock', 5, false, 0),
  D('GoWaiting', 5, false, 1),
  D('GoInSyscall', 5, false, 1),
  D('HeapAlloc', 5, false, 1),
  D('HeapGoal', 5, false, 1),
  D('TimerGoroutine', 5, false, 1),
  D('FutileWakeup', 5, false, 0),
  D('String', 7, false, 0),
  D('GoStartLocal', 7, false, 1),
  D('GoUnblockLocal', 7, true, 1),
  D('GoSysExitLocal', 7, false, 2),
  D('GoStartLabel', 8, false, 3),
  D('GoBlockGC', 8, true, 0),
  D('GCMarkAssistStart', 9, true, 0),
  D('GCMarkAssistDone', 9, false, 0),
  D('UserTaskCreate', 11, true, 3),
  D('UserTaskEnd', 11, true, 1),
  D('UserRegion', 11, true, 3),
  D('UserLog', 11, true, 2),
  D('CPUSample', 19, true, 3),
];

/** Number of wire arguments (timestamp and stack included) of each event type; -1: variable. */
export const ARG_NUM = new Int8Array(EV_COUNT);
for (let t = 0; t < EV_COUNT; t++) {
  const d = DESCS[t];
  let n = d.args + (d.stack ? 1 : 0);
  if (t !== EV_BATCH && t !== EV_FREQUENCY && t !== EV_TIMER_GOROUTINE) n++; // timestamp
  ARG_NUM[t] = t === EV_STACK || t === EV_STRING ? -1 : n;
}

/** Goroutine states of the ordering (order.go) and of the post-processing (parser.go). */
export const G_DEAD = 0;
export const G_RUNNABLE = 1;
export const G_RUNNING = 2;
export const G_WAITING = 3;

/** Fake Ps the go1.21 parser moves some events to (parser.go FakeP...). */
export const TIMER_P = 1000001;
export const NETPOLL_P = 1000002;
export const SYSCALL_P = 1000003;
export const GC_P = 1000004;
export const PROFILE_P = 1000005;

/** STW reasons of Go 1.21 (runtime stwReason), indexed by the STWStart kind argument. */
export const STW_REASONS_121 = [
  '',
  'GC mark termination',
  'GC sweep termination',
  'write heap dump',
  'goroutine profile',
  'goroutine profile cleanup',
  'all goroutine stack trace',
  'read mem stats',
  'AllThreadsSyscall',
  'GOMAXPROCS',
  'start trace',
  'stop trace',
  'CountPagesInUse (test)',
  'ReadMetricsSlow (test)',
  'ReadMemStatsSlow (test)',
  'PageCachePagesLeaked (test)',
  'ResetDebugLog (test)',
];

/** The STW reason string of a STWStart kind argument in format `ver` (Trace.STWReason). */
export function stwReason(ver: number, kind: number): string {
  if (ver < 21) return kind === 0 ? STW_REASONS_121[1] : kind === 1 ? STW_REASONS_121[2] : '';
  if (ver === 21) return kind < STW_REASONS_121.length ? STW_REASONS_121[kind] : '';
  return '';
}

/** Block reasons the v1 → v2 conversion gives each blocking event (tracev1.go). */
export function blockReason(t: number): string | null {
  switch (t) {
    case EV_GO_STOP:
      return 'forever';
    case EV_GO_SCHED:
      return 'runtime.Gosched';
    case EV_GO_PREEMPT:
      return 'preempted';
    case EV_GO_SLEEP:
      return 'sleep';
    case EV_GO_BLOCK:
      return '';
    case EV_GO_BLOCK_SEND:
      return 'chan send';
    case EV_GO_BLOCK_RECV:
      return 'chan receive';
    case EV_GO_BLOCK_SELECT:
      return 'select';
    case EV_GO_BLOCK_SYNC:
      return 'sync';
    case EV_GO_BLOCK_COND:
      return 'sync.(*Cond).Wait';
    case EV_GO_BLOCK_NET:
      return 'network';
    case EV_GO_BLOCK_GC:
      return 'GC mark assist wait for work';
    default:
      return null;
  }
}
