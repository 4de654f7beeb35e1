/**
 * Old-format (v1) traces, Go 1.11–1.21 headers, checked against what the Go 1.27 reader
 * makes of them after its v1 → v2 conversion (the `.v2parser.json` / `.golden.json` files),
 * and for the two traces written by real Go 1.19/1.21 runtimes against
 * `go tool trace -pprof` of Go 1.27.
 */
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../src/formats/gotrace';
import { cpuSamplesProfile, goroutineGroups } from '../../../src/analysis/trace';
import { NS_TOLERANCE, expectDerivedLikeGoTool, fixture, goldenJson, goroutineDiffs, maybeGzipped, profileStats, readPprof, taskRows } from '../../helpers/trace';

/** Go's test traces of the versions the Go ≥1.22 reader converts (file, stored gzipped). */
const UPSTREAM: [string, boolean][] = [
  ['http_1_11_good', false],
  ['http_1_19_good', false],
  ['http_1_21_good', false],
  ['stress_1_11_good', true],
  ['stress_1_19_good', true],
  ['stress_1_21_good', true],
  ['stress_start_stop_1_11_good', false],
  ['stress_start_stop_1_19_good', false],
  ['stress_start_stop_1_21_good', false],
  ['user_task_region_1_11_good', false],
  ['user_task_region_1_19_good', false],
  ['user_task_region_1_21_good', false],
  ['fmt_1_21_pprof_good', false],
];

function sorted(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function checkAgainstGolden(bytes: Uint8Array, golden: ReturnType<typeof goldenJson>, header: string) {
  const model = parseTrace(bytes);
  const s = model.summary;
  it('is read as a v1 trace', () => {
    expect(s.goVersion).toBe(header);
    expect(s.error).toBeNull();
    expect(s.generations).toBe(1);
  });
  it('has the Go reader event counts and state transitions', () => {
    expect(s.events).toBe(golden.events);
    expect(s.syncEvents).toBe(golden.syncEvents);
    expect(sorted(s.eventsByKind)).toEqual(sorted(golden.eventsByKind));
    expect(sorted(s.goStateTransitions)).toEqual(sorted(golden.goStateTransitions));
    expect(sorted(s.procStateTransitions)).toEqual(sorted(golden.procStateTransitions));
    expect(sorted(s.rangeBeginsByName)).toEqual(sorted(golden.rangeBeginsByName));
    expect(sorted(s.metricsByName)).toEqual(sorted(golden.metricsByName));
  });
  it('has the same first and last timestamps', () => {
    expect(s.clockBaseNs).toBe(golden.firstTimeNs);
    expect(s.clockBaseNs + s.endNs).toBe(golden.lastTimeNs);
  });
  it('has every goroutine with the summarizer times', () => {
    expect(s.goroutines).toBe(golden.goroutines.length);
    expect(goroutineDiffs(model, golden)).toEqual([]);
  });
  it('groups goroutines like the goroutines page', () => {
    const groups = goroutineGroups(model);
    expect(Object.fromEntries(groups.map((g) => [g.name, g.count]))).toEqual(
      Object.fromEntries(golden.goroutineGroups.map((g) => [g.name, g.count])),
    );
    // v1 events with equal timestamps come out of Go's parser in map-iteration order, so
    // the 1 ns monotonic fix-up may land on another goroutine: allow it per goroutine.
    const gold = new Map(golden.goroutineGroups.map((g) => [g.name, g]));
    for (const g of groups) expect(Math.abs(g.total.execNs - gold.get(g.name)!.execNs), g.name).toBeLessThanOrEqual(NS_TOLERANCE * g.count);
  });
  it('has the user tasks', () => {
    expect(taskRows(model)).toEqual(golden.tasks ?? []);
  });
  return model;
}

describe.each(UPSTREAM)('%s (Go test data)', (name, gz) => {
  const bytes = gz ? maybeGzipped('v1', `${name}.gz`) : fixture('v1', name);
  const golden = goldenJson(name, 'v1', '.v2parser.json.gz');
  checkAgainstGolden(bytes, golden, `1.${/_1_(\d+)_/.exec(name)![1]}`);
});

describe.each(['go1.19-v1', 'go1.21-v1'])('%s (written by that runtime)', (base) => {
  const golden = goldenJson(base, 'v1');
  const model = checkAgainstGolden(fixture('v1', `${base}.trace`), golden, base === 'go1.19-v1' ? '1.19' : '1.21');

  it.each(['net', 'sync', 'syscall', 'sched'] as const)('derives the %s profile of go tool trace -pprof', (kind) => {
    expectDerivedLikeGoTool(model, kind, fixture('v1', `${base}.${kind}.pprof`));
  });

  it('has the CPU samples (1.19+), in the profile the CPU profiler wrote', () => {
    expect(model.summary.cpuSamples).toBe(golden.eventsByKind.StackSample);
    const p = cpuSamplesProfile(model);
    expect(p.samples.count).toBeGreaterThan(0);
    // Every function of the trace's samples is in the regular CPU profile of the same run.
    const cpuFuncs = new Set(readPprof(fixture('v1', `${base}.cpu.pprof`)).samples.map((x) => x.leaf));
    const leaves = profileStats(p).top.map(([f]) => f);
    expect(leaves.some((f) => cpuFuncs.has(f))).toBe(true);
  });
});
