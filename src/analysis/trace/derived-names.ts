/** What the profiles derived from a trace are called in the file list. */
import { shortFuncName } from '../../model/go-names';
import type { DerivedKind } from './profile-totals';

export const DERIVED_KIND_LABEL: Record<DerivedKind, string> = {
  cpu: 'CPU samples',
  sync: 'sync blocking',
  net: 'network blocking',
  syscall: 'syscalls',
  sched: 'scheduler latency',
};

/**
 * "sync blocking · main-1-trace-1.pprof": what it is first, so a file list that cuts long
 * names still tells the derived files apart.
 */
export function derivedName(traceName: string, kind: DerivedKind, group?: string, range?: { t0: number; t1: number }): string {
  const of = group !== undefined ? ` of ${shortFuncName(group) || '(no stack)'}` : '';
  const during = range ? ` in ${(range.t0 / 1e9).toFixed(3)}–${(range.t1 / 1e9).toFixed(3)} s` : '';
  return `${DERIVED_KIND_LABEL[kind]}${of}${during} · ${traceName}`;
}

/** "goroutines at 1.234 s · trace.out" */
export function snapshotName(traceName: string, timeNs: number): string {
  return `goroutines at ${(timeNs / 1e9).toFixed(3)} s · ${traceName}`;
}
