/**
 * The v2 (Go 1.22+) wire event table: names and argument lists as in the Go tracev2 spec
 * (src/internal/trace/tracev2/events.go). Timed events start with `dt`. Argument names
 * ending in `stack` are stack IDs, in `string` string IDs.
 */

export const EV_EVENT_BATCH = 1;
export const EV_STACKS = 2;
export const EV_STACK = 3;
export const EV_STRINGS = 4;
export const EV_STRING = 5;
export const EV_CPU_SAMPLES = 6;
export const EV_CPU_SAMPLE = 7;
export const EV_FREQUENCY = 8;
export const EV_PROCS_CHANGE = 9;
export const EV_PROC_START = 10;
export const EV_PROC_STOP = 11;
export const EV_PROC_STEAL = 12;
export const EV_PROC_STATUS = 13;
export const EV_GO_CREATE = 14;
export const EV_GO_CREATE_SYSCALL = 15;
export const EV_GO_START = 16;
export const EV_GO_DESTROY = 17;
export const EV_GO_DESTROY_SYSCALL = 18;
export const EV_GO_STOP = 19;
export const EV_GO_BLOCK = 20;
export const EV_GO_UNBLOCK = 21;
export const EV_GO_SYSCALL_BEGIN = 22;
export const EV_GO_SYSCALL_END = 23;
export const EV_GO_SYSCALL_END_BLOCKED = 24;
export const EV_GO_STATUS = 25;
export const EV_STW_BEGIN = 26;
export const EV_STW_END = 27;
export const EV_GC_ACTIVE = 28;
export const EV_GC_BEGIN = 29;
export const EV_GC_END = 30;
export const EV_GC_SWEEP_ACTIVE = 31;
export const EV_GC_SWEEP_BEGIN = 32;
export const EV_GC_SWEEP_END = 33;
export const EV_GC_MARK_ASSIST_ACTIVE = 34;
export const EV_GC_MARK_ASSIST_BEGIN = 35;
export const EV_GC_MARK_ASSIST_END = 36;
export const EV_HEAP_ALLOC = 37;
export const EV_HEAP_GOAL = 38;
export const EV_GO_LABEL = 39;
export const EV_USER_TASK_BEGIN = 40;
export const EV_USER_TASK_END = 41;
export const EV_USER_REGION_BEGIN = 42;
export const EV_USER_REGION_END = 43;
export const EV_USER_LOG = 44;
export const EV_GO_SWITCH = 45;
export const EV_GO_SWITCH_DESTROY = 46;
export const EV_GO_CREATE_BLOCKED = 47;
export const EV_GO_STATUS_STACK = 48;
export const EV_EXPERIMENTAL_BATCH = 49;
export const EV_SYNC = 50;
export const EV_CLOCK_SNAPSHOT = 51;
export const EV_END_OF_GENERATION = 52;
export const EV_FIRST_EXPERIMENTAL = 128;

export const MAX_BATCH_SIZE = 64 << 10;
export const MAX_FRAMES_PER_STACK = 128;
export const MAX_STRING_SIZE = 1 << 10;

export interface EventSpec {
  name: string;
  args: string[];
  timed: boolean;
  /** Events carrying trailing data (length + bytes) after their args. */
  hasData?: boolean;
}

const S = (name: string, args: string[], timed = true, hasData = false): EventSpec => ({ name, args, timed, hasData });

const table: [number, EventSpec][] = [
  [EV_EVENT_BATCH, S('EventBatch', ['gen', 'm', 'time', 'size'], false)],
  [EV_STACKS, S('Stacks', [], false)],
  [EV_STACK, S('Stack', ['id', 'nframes'], false)],
  [EV_STRINGS, S('Strings', [], false)],
  [EV_STRING, S('String', ['id'], false, true)],
  [EV_CPU_SAMPLES, S('CPUSamples', [], false)],
  [EV_CPU_SAMPLE, S('CPUSample', ['time', 'm', 'p', 'g', 'stack'], false)],
  [EV_FREQUENCY, S('Frequency', ['freq'], false)],
  [EV_PROCS_CHANGE, S('ProcsChange', ['dt', 'procs_value', 'stack'])],
  [EV_PROC_START, S('ProcStart', ['dt', 'p', 'p_seq'])],
  [EV_PROC_STOP, S('ProcStop', ['dt'])],
  [EV_PROC_STEAL, S('ProcSteal', ['dt', 'p', 'p_seq', 'm'])],
  [EV_PROC_STATUS, S('ProcStatus', ['dt', 'p', 'pstatus'])],
  [EV_GO_CREATE, S('GoCreate', ['dt', 'new_g', 'new_stack', 'stack'])],
  [EV_GO_CREATE_SYSCALL, S('GoCreateSyscall', ['dt', 'new_g'])],
  [EV_GO_START, S('GoStart', ['dt', 'g', 'g_seq'])],
  [EV_GO_DESTROY, S('GoDestroy', ['dt'])],
  [EV_GO_DESTROY_SYSCALL, S('GoDestroySyscall', ['dt'])],
  [EV_GO_STOP, S('GoStop', ['dt', 'reason_string', 'stack'])],
  [EV_GO_BLOCK, S('GoBlock', ['dt', 'reason_string', 'stack'])],
  [EV_GO_UNBLOCK, S('GoUnblock', ['dt', 'g', 'g_seq', 'stack'])],
  [EV_GO_SYSCALL_BEGIN, S('GoSyscallBegin', ['dt', 'p_seq', 'stack'])],
  [EV_GO_SYSCALL_END, S('GoSyscallEnd', ['dt'])],
  [EV_GO_SYSCALL_END_BLOCKED, S('GoSyscallEndBlocked', ['dt'])],
  [EV_GO_STATUS, S('GoStatus', ['dt', 'g', 'm', 'gstatus'])],
  [EV_STW_BEGIN, S('STWBegin', ['dt', 'kind_string', 'stack'])],
  [EV_STW_END, S('STWEnd', ['dt'])],
  [EV_GC_ACTIVE, S('GCActive', ['dt', 'gc_seq'])],
  [EV_GC_BEGIN, S('GCBegin', ['dt', 'gc_seq', 'stack'])],
  [EV_GC_END, S('GCEnd', ['dt', 'gc_seq'])],
  [EV_GC_SWEEP_ACTIVE, S('GCSweepActive', ['dt', 'p'])],
  [EV_GC_SWEEP_BEGIN, S('GCSweepBegin', ['dt', 'stack'])],
  [EV_GC_SWEEP_END, S('GCSweepEnd', ['dt', 'swept_value', 'reclaimed_value'])],
  [EV_GC_MARK_ASSIST_ACTIVE, S('GCMarkAssistActive', ['dt', 'g'])],
  [EV_GC_MARK_ASSIST_BEGIN, S('GCMarkAssistBegin', ['dt', 'stack'])],
  [EV_GC_MARK_ASSIST_END, S('GCMarkAssistEnd', ['dt'])],
  [EV_HEAP_ALLOC, S('HeapAlloc', ['dt', 'heapalloc_value'])],
  [EV_HEAP_GOAL, S('HeapGoal', ['dt', 'heapgoal_value'])],
  [EV_GO_LABEL, S('GoLabel', ['dt', 'label_string'])],
  [EV_USER_TASK_BEGIN, S('UserTaskBegin', ['dt', 'task', 'parent_task', 'name_string', 'stack'])],
  [EV_USER_TASK_END, S('UserTaskEnd', ['dt', 'task', 'stack'])],
  [EV_USER_REGION_BEGIN, S('UserRegionBegin', ['dt', 'task', 'name_string', 'stack'])],
  [EV_USER_REGION_END, S('UserRegionEnd', ['dt', 'task', 'name_string', 'stack'])],
  [EV_USER_LOG, S('UserLog', ['dt', 'task', 'key_string', 'value_string', 'stack'])],
  [EV_GO_SWITCH, S('GoSwitch', ['dt', 'g', 'g_seq'])],
  [EV_GO_SWITCH_DESTROY, S('GoSwitchDestroy', ['dt', 'g', 'g_seq'])],
  [EV_GO_CREATE_BLOCKED, S('GoCreateBlocked', ['dt', 'new_g', 'new_stack', 'stack'])],
  [EV_GO_STATUS_STACK, S('GoStatusStack', ['dt', 'g', 'm', 'gstatus', 'stack'])],
  [EV_EXPERIMENTAL_BATCH, S('ExperimentalBatch', ['exp', 'gen', 'm', 'time'], false, true)],
  [EV_SYNC, S('Sync', [], false)],
  [EV_CLOCK_SNAPSHOT, S('ClockSnapshot', ['dt', 'mono', 'sec', 'nsec'])],
  [EV_END_OF_GENERATION, S('EndOfGeneration', [], false)],
  // Experimental (AllocFree) events: skipped, but their sizes must be known to keep decoding.
  [128, S('Span', ['dt', 'id', 'npages_value', 'kindclass'])],
  [129, S('SpanAlloc', ['dt', 'id', 'npages_value', 'kindclass'])],
  [130, S('SpanFree', ['dt', 'id'])],
  [131, S('HeapObject', ['dt', 'id', 'type'])],
  [132, S('HeapObjectAlloc', ['dt', 'id', 'type'])],
  [133, S('HeapObjectFree', ['dt', 'id'])],
  [134, S('GoroutineStack', ['dt', 'id', 'order'])],
  [135, S('GoroutineStackAlloc', ['dt', 'id', 'order'])],
  [136, S('GoroutineStackFree', ['dt', 'id'])],
];

export const SPECS: (EventSpec | undefined)[] = new Array(256).fill(undefined);
for (const [id, spec] of table) SPECS[id] = spec;

/** Number of varint args (dt included) of each timed event type; -1 = not a timed event. */
export const TIMED_ARGS = new Int8Array(256).fill(-1);
for (const [id, spec] of table) if (spec.timed && id !== EV_CLOCK_SNAPSHOT) TIMED_ARGS[id] = spec.args.length;

export function specByName(name: string): [number, EventSpec] | undefined {
  for (const [id, spec] of table) if (spec.name === name) return [id, spec];
  return undefined;
}

// Wire status enums.
// 0 is GoBad and ProcBad: never a valid state to transition from or to.
export const GS_RUNNABLE = 1;
export const GS_RUNNING = 2;
export const GS_SYSCALL = 3;
export const GS_WAITING = 4;
export const PS_RUNNING = 1;
export const PS_IDLE = 2;
export const PS_SYSCALL = 3;
export const PS_SYSCALL_ABANDONED = 4;
