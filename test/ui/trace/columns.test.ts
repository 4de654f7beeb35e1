import { describe, expect, it } from 'vitest';
import type { GoroutineGroup } from '../../../src/worker/trace-api';
import { TIME_CATEGORIES } from '../../../src/analysis/trace';
import { breakdown, defaultDescending, groupValue, sortGroups, timeOf, type Times } from '../../../src/ui/trace/columns';
import { breakdownText } from '../../../src/ui/trace/BreakdownBar';

function times(p: Partial<Times>): Times {
  const t = {} as Times;
  for (const c of TIME_CATEGORIES) t[c] = 0;
  return { ...t, ...p };
}

function group(name: string, count: number, total: Partial<Times>, alive = 0): GoroutineGroup {
  const tot = times(total);
  const mean = times({});
  for (const c of TIME_CATEGORIES) mean[c] = tot[c] / count;
  return { name, count, alive, total: tot, mean };
}

describe('breakdown', () => {
  it('splits a lifetime into shares that add up to 1, syscall including blocked in syscall', () => {
    const b = breakdown(times({ execNs: 50, schedWaitNs: 10, blockSyncNs: 20, syscallNs: 5, syscallBlockNs: 5, unknownNs: 10, totalNs: 100, gcAssistNs: 30 }));
    expect(b.map((s) => s.key)).toEqual(['exec', 'sched', 'sync', 'syscall', 'unknown']);
    expect(b.find((s) => s.key === 'syscall')!.value).toBe(10);
    expect(b.reduce((a, s) => a + s.fraction, 0)).toBeCloseTo(1, 10);
    expect(b[0]!.fraction).toBeCloseTo(0.5);
  });
  it('is empty for a goroutine with no time and says so', () => {
    expect(breakdown(times({}))).toEqual([]);
    expect(breakdownText(times({}))).toBe('no time recorded');
    expect(breakdownText(times({ execNs: 2e6, blockNetNs: 2e6 }))).toBe('Execution 50% (2 ms), Net block 50% (2 ms)');
  });
  it('GC assist/sweep overlaps execution: a column, not a segment', () => {
    expect(timeOf(times({ gcAssistNs: 3, gcSweepNs: 4 }), 'gc')).toBe(7);
    expect(breakdown(times({ gcAssistNs: 3 }))).toEqual([]);
  });
});

describe('sortGroups', () => {
  const wheel = group('github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run', 12050, { execNs: 8e8, totalNs: 4e13 }, 12050);
  const stat = group('github.com/zeromicro/go-zero/core/collection.(*cacheStat).statLoop', 12050, { execNs: 6e8, totalNs: 4e13 }, 12050);
  const req = group('main.main.func1', 12000, { execNs: 2.8e9, totalNs: 3e9 });
  const bg = group('runtime.gcBgMarkWorker', 2, { execNs: 8.3e8, totalNs: 8e9 }, 2);
  const all = [bg, req, stat, wheel];

  it('by count: ties broken by name, as go tool trace sorts', () => {
    expect(sortGroups(all, 'count', true, 'total').map((g) => g.count)).toEqual([12050, 12050, 12000, 2]);
    expect(sortGroups(all, 'count', true, 'total')[0]).toBe(wheel);
  });
  it('by a time column, total or mean', () => {
    expect(sortGroups(all, 'exec', true, 'total')[0]).toBe(req);
    // Two background workers ran 415 ms each: the largest mean.
    expect(sortGroups(all, 'exec', true, 'mean')[0]).toBe(bg);
    expect(sortGroups(all, 'exec', false, 'total')[0]).toBe(stat);
    expect(groupValue(bg, 'exec', 'mean')).toBeCloseTo(4.15e8);
    expect(groupValue(wheel, 'alive', 'mean')).toBe(12050);
  });
  it('by name and alive', () => {
    expect(sortGroups(all, 'name', false, 'total').map((g) => g.name)[0]).toContain('TimingWheel');
    expect(sortGroups(all, 'name', true, 'total')[0]).toBe(bg);
    expect(sortGroups(all, 'alive', false, 'total')[0]).toBe(req);
    expect(defaultDescending('name')).toBe(false);
    expect(defaultDescending('sync')).toBe(true);
  });
  it('does not reorder its input', () => {
    sortGroups(all, 'count', true, 'total');
    expect(all[0]).toBe(bg);
  });
});
