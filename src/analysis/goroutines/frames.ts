/** Which frames a goroutine view shows, and the waits that runtime frames imply. */

/**
 * Frames hidden before stacks are compared, so debug=0, debug=1 and debug=2 agree:
 * debug=2 tracebacks drop unexported runtime functions (runtime.gopark, runtime.main,
 * runtime.goexit…) and debug=1 drops leading runtime frames; internal/runtime/* only
 * shows up in some encodings. runtime.gopanic stays: tracebacks print it as "panic".
 */
export function isHiddenFrame(func: string): boolean {
  if (func.startsWith('runtime.')) {
    if (func === 'runtime.gopanic') return false;
    const c = func.charCodeAt(8);
    return !(c >= 65 && c <= 90); // exported runtime functions (runtime.Gosched) stay
  }
  return func.startsWith('internal/runtime/');
}

/** Blocking kinds read from runtime frames, for encodings without states (debug=0/1). */
const BLOCKING_FRAMES: [string, string][] = [
  ['runtime.chanrecv', 'chan receive'],
  ['runtime.chansend', 'chan send'],
  ['runtime.selectgo', 'select'],
  ['runtime.block$', 'select (no cases)'],
  ['internal/poll.runtime_pollWait', 'IO wait'],
  ['runtime.netpollblock', 'IO wait'],
  ['internal/sync.runtime_SemacquireMutex', 'sync.Mutex.Lock'],
  ['sync.runtime_SemacquireMutex', 'sync.Mutex.Lock'],
  ['sync.runtime_SemacquireRWMutexR', 'sync.RWMutex.RLock'],
  ['sync.runtime_SemacquireRWMutex', 'sync.RWMutex.Lock'],
  ['sync.runtime_SemacquireWaitGroup', 'sync.WaitGroup.Wait'],
  ['sync.runtime_notifyListWait', 'sync.Cond.Wait'],
  ['sync.runtime_Semacquire', 'semacquire'],
  ['time.Sleep', 'sleep'],
  ['syscall.Syscall', 'syscall'],
  ['syscall.RawSyscall', 'syscall'],
  ['internal/runtime/syscall', 'syscall'],
];

/** The wait kind implied by a frame's function, or null. */
export function blockingKindOf(func: string): string | null {
  for (const [p, kind] of BLOCKING_FRAMES) {
    if (p.endsWith('$') ? func === p.slice(0, -1) : func.startsWith(p)) return kind;
  }
  return null;
}
