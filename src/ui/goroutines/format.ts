/**
 * Words and numbers of the goroutine views. Pure (no DOM): tested in Node.
 * Numbers always get thousands separators.
 */
import { holdsGoroutines } from '../../model/file-kind';
import { thousands } from '../../state/format';
import type { FileInfo } from '../../worker/types';
import type { FrameInfo } from '../../worker/goroutine-api';

/** A goroutine file: a pprof goroutine profile (debug=0) or a goroutine text dump (debug=1/2). */
export function isGoroutineInfo(info: FileInfo | undefined): boolean {
  if (!info || info.error || !info.profile) return false;
  return holdsGoroutines(info.kind);
}

export function count(n: number): string {
  return thousands(Math.round(n));
}

/** +1,234 / −56 / ±0, with a real minus sign. */
export function signed(n: number): string {
  const r = Math.round(n);
  return (r > 0 ? '+' : r < 0 ? '−' : '±') + thousands(Math.abs(r));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${Math.round(n) === 1 ? one : many}`;
}

/** Share of all as a percentage: one decimal below 10%, "<0.1%" for crumbs. */
export function percent(p: number): string {
  if (!Number.isFinite(p) || p <= 0) return '0%';
  if (p < 0.1) return '<0.1%';
  if (p >= 99.95 && p < 100) return '>99.9%';
  return p < 10 ? `${p.toFixed(1)}%` : `${Math.round(p)}%`;
}

/** Wait minutes as a dump prints them: -1 unknown, 0 "under a minute". */
export function minutes(m: number): string {
  if (m < 0) return '—';
  if (m === 0) return '<1';
  return count(m);
}

/** "<1–12 min", "3 min", "—" when the encoding has no wait times. */
export function waitRange(min: number, max: number): string {
  if (max < 0) return '—';
  const lo = min < 0 ? max : min;
  if (lo === max) return `${minutes(max)} min`;
  return `${minutes(lo)}–${minutes(max)} min`;
}

/** Wait growth between snapshots in minutes; "—" when either side has none. */
export function waitGrowth(before: number, after: number, growth: number | null): string {
  if (growth === null) return after >= 0 ? `${minutes(after)} min` : '—';
  return `${minutes(before)} → ${minutes(after)} min`;
}

/** The last `keep` segments of a path: /a/b/c/d.go → c/d.go. */
export function shortFile(file: string, keep = 2): string {
  if (!file) return '';
  const parts = file.split('/');
  return parts.length <= keep ? file : parts.slice(-keep).join('/');
}

/** "subscriber.go:44" (short) or the full "path/subscriber.go:44". */
export function location(f: FrameInfo | null, full = false): string {
  if (!f || !f.file) return '';
  const file = full ? f.file : shortFile(f.file, 1);
  return f.line > 0 ? `${file}:${f.line}` : file;
}

/** Function name, and where: for titles and accessible names. */
export function frameTitle(f: FrameInfo | null): string {
  if (!f) return '(unknown)';
  const loc = location(f, true);
  return loc ? `${f.func} (${loc})` : f.func;
}

export type StateTone = 'run' | 'io' | 'chan' | 'sync' | 'sleep' | 'syscall' | 'other';

/** A colour family for a goroutine state (the chip's tone); the text always names it. */
export function stateTone(state: string): StateTone {
  const s = state.toLowerCase();
  if (s === 'running' || s === 'runnable' || s.startsWith('running')) return 'run';
  if (s.startsWith('io wait')) return 'io';
  if (s.startsWith('chan') || s.startsWith('select')) return 'chan';
  if (s.startsWith('semacquire') || s.startsWith('sync') || s.includes('mutex') || s.includes('cond') || s.includes('waitgroup')) return 'sync';
  if (s.startsWith('sleep') || s.includes('timer')) return 'sleep';
  if (s.startsWith('syscall')) return 'syscall';
  return 'other';
}

/** "debug=2 dump" etc., in the words the user used to fetch it. */
export function encodingLabel(e: 'debug=0' | 'debug=1' | 'debug=2'): string {
  switch (e) {
    case 'debug=0':
      return 'pprof goroutine profile (debug=0)';
    case 'debug=1':
      return 'grouped text (debug=1)';
    case 'debug=2':
      return 'full dump (debug=2)';
  }
}

/** A profile time (ns since the epoch) as a short UTC time, or '' when absent. */
export function profileTime(ns: number): string {
  if (!(ns > 0)) return '';
  const d = new Date(ns / 1e6);
  return `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
