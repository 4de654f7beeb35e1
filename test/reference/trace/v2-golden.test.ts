/**
 * Real traces written by Go 1.22–1.27 runtimes, checked against what the Go 1.27 reader,
 * its goroutine summarizer and `go tool trace -pprof` report for the same files.
 */
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/formats/gotrace';
import { goroutineGroups } from '../../../src/analysis/trace';
import { expectDerivedLikeGoTool, fixture, goldenJson, goroutineDiffs, taskRows } from '../../helpers/trace';

const TRACES = [
  'go1.22',
  'go1.23',
  'go1.24',
  'go1.26',
  'go1.26-long',
  'go1.27',
  'go1.26-flightrecorder',
  'go1.27-flightrecorder',
];

describe.each(TRACES)('%s', (base) => {
  const model = parseTrace(fixture('v2', `${base}.trace`));
  const golden = goldenJson(base);

  it('has the Go reader event counts', () => {
    const s = model.summary;
    expect(s.error).toBeNull();
    expect(s.events).toBe(golden.events);
    expect(s.syncEvents).toBe(golden.syncEvents);
    expect(s.eventsByKind).toEqual(golden.eventsByKind);
    expect(s.goStateTransitions).toEqual(golden.goStateTransitions);
    expect(s.procStateTransitions).toEqual(golden.procStateTransitions);
    expect(s.rangeBeginsByName).toEqual(golden.rangeBeginsByName);
    expect(s.metricsByName).toEqual(golden.metricsByName);
    expect(s.clockBaseNs).toBe(golden.firstTimeNs);
    expect(s.clockBaseNs + s.endNs).toBe(golden.lastTimeNs);
  });

  it('has every goroutine with the summarizer times', () => {
    expect(model.summary.goroutines).toBe(golden.goroutines.length);
    expect(goroutineDiffs(model, golden)).toEqual([]);
  });

  it('groups goroutines by start function like the goroutines page', () => {
    const groups = goroutineGroups(model);
    const mine = Object.fromEntries(groups.map((g) => [g.name, { count: g.count, execNs: g.total.execNs }]));
    const gold = Object.fromEntries(golden.goroutineGroups.map((g) => [g.name, { count: g.count, execNs: g.execNs }]));
    expect(mine).toEqual(gold);
    expect(groups.map((g) => g.total.execNs)).toEqual(golden.goroutineGroups.map((g) => g.execNs));
  });

  it('has the user tasks', () => {
    expect(taskRows(model)).toEqual(golden.tasks);
  });

  it.each(['net', 'sync', 'syscall', 'sched'] as const)('derives the %s profile of go tool trace -pprof', (kind) => {
    expectDerivedLikeGoTool(model, kind, fixture('v2', `${base}.${kind}.pprof`));
  });
});
