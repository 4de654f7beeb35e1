/**
 * One line that says what a sample type measures, as the Go runtime defines it.
 * Pure, so each profile kind's wording is tested without a browser.
 */
import type { ValueType } from '../model/profile';
import type { ProfileKind } from '../model/file-kind';
import { formatBytes, formatNanos, thousands, unitClass } from './format';

function sampling(periodType: ValueType | null, period: number, kind: ProfileKind | string): string {
  if (!periodType || !(period > 0)) return '';
  const cls = unitClass(periodType.unit);
  if (cls === 'bytes') return `, sampled every ${formatBytes(period)} allocated`;
  if (cls === 'time') {
    const ns = periodType.unit.toLowerCase().startsWith('micro') ? period * 1e3 : periodType.unit.toLowerCase().startsWith('milli') ? period * 1e6 : period;
    const hz = 1e9 / ns;
    const rate = kind === 'cpu' && Number.isInteger(Math.round(hz)) ? ` (${thousands(Math.round(hz))} Hz)` : '';
    return `, sampled every ${formatNanos(ns)}${rate}`;
  }
  // A count period of 1 means every event was kept: nothing worth saying.
  if (period > 1) return `, sampled 1 in ${thousands(period)} events`;
  return '';
}

export function explainSampleType(
  type: string,
  unit: string,
  periodType: ValueType | null,
  period: number,
  kind: ProfileKind | string,
): string {
  const t = type.toLowerCase();
  const s = sampling(periodType, period, kind);
  let what: string;
  switch (t) {
    case 'samples':
    case 'sample':
      what = kind === 'cpu' || periodType?.type === 'cpu'
        ? 'how many times the CPU profiler caught a goroutine running this code'
        : 'number of stack samples taken here';
      break;
    case 'cpu':
      what = 'CPU time spent running this code';
      break;
    case 'wall':
      what = 'wall-clock time spent in this code';
      break;
    case 'inuse_space':
      what = 'bytes live at the last GC (allocated and not yet freed)';
      break;
    case 'inuse_objects':
      what = 'objects live at the last GC (allocated and not yet freed)';
      break;
    case 'alloc_space':
      what = 'bytes allocated since the program started, including memory already freed';
      break;
    case 'alloc_objects':
      what = 'objects allocated since the program started, including those already freed';
      break;
    case 'space':
      what = 'bytes allocated and still live when the profile was taken';
      break;
    case 'objects':
      what = 'objects allocated and still live when the profile was taken';
      break;
    case 'contentions':
      what = kind === 'mutex'
        ? 'times a goroutine had to wait for a mutex this code held'
        : kind === 'block'
          ? 'times a goroutine blocked here (channel, select, mutex, WaitGroup, cond)'
          : 'number of contention events';
      break;
    case 'delay':
      what = kind === 'mutex'
        ? 'time other goroutines spent waiting for a mutex this code held'
        : kind === 'block'
          ? 'time goroutines spent blocked here (channel, select, mutex, WaitGroup, cond)'
          : 'time spent waiting';
      break;
    case 'goroutine':
    case 'goroutines':
      what = 'number of goroutines with this stack when the snapshot was taken';
      // Every goroutine is counted; the period of 1 says nothing.
      return `${type}: ${what}`;
    case 'goroutineleak':
      what =
        "goroutines the runtime's leak detector found blocked forever: at the last GC nothing " +
        'that could unblock them was reachable';
      return `${type}: ${what}`;
    case 'threadcreate':
      what = 'OS threads created from this stack since the program started';
      return `${type}: ${what}`;
    default:
      what = unitClass(unit) === 'count' ? 'a count per stack' : `measured in ${unit}`;
  }
  return `${type}: ${what}${s}`;
}
