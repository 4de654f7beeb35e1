/**
 * Real traces written by Go 1.22–1.27 runtimes, checked against what the Go 1.27 reader,
 * its goroutine summarizer and `go tool trace -pprof` report for the same files.
 */
import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../src/formats/gotrace';
import { derivedProfile, goroutineGroups } from '../../src/analysis/trace';
import type { TraceModel } from '../../src/model/trace';
import { fixture, goldenJson, pprofStats, profileStats, readPprof } from './helpers';

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

// Times may differ by the reader's 1 ns monotonic fix-up; ours replicates it, so allow 2.
const NS_TOLERANCE = 2;

function perGoroutine(model: TraceModel) {
  const g = model.goroutines;
  const s = model.symbols.strings;
  const base = model.summary.clockBaseNs;
  const block = new Map<number, Record<string, number>>();
  for (let i = 0; i < model.blockByReason.count; i++) {
    const r = block.get(model.blockByReason.goroutine[i]) ?? {};
    r[s[model.blockByReason.key[i]]] = model.blockByReason.ns[i];
    block.set(model.blockByReason.goroutine[i], r);
  }
  const ranges = new Map<number, Record<string, number>>();
  for (let i = 0; i < model.rangeTimes.count; i++) {
    const r = ranges.get(model.rangeTimes.goroutine[i]) ?? {};
    r[s[model.rangeTimes.key[i]]] = model.rangeTimes.ns[i];
    ranges.set(model.rangeTimes.goroutine[i], r);
  }
  const byId = new Map<number, Record<string, unknown>>();
  for (let i = 0; i < g.count; i++) {
    byId.set(g.id[i], {
      name: s[g.name[i]],
      execNs: g.execNs[i],
      schedWaitNs: g.schedWaitNs[i],
      syscallNs: g.syscallNs[i],
      syscallBlockNs: g.syscallBlockNs[i],
      totalNs: g.totalNs[i],
      creationTime: g.creationNs[i] + base,
      startTime: Number.isNaN(g.startNs[i]) ? 0 : g.startNs[i] + base,
      endTime: Number.isNaN(g.endNs[i]) ? 0 : g.endNs[i] + base,
      regions: g.regions[i],
      blockNsByReason: block.get(i) ?? {},
      rangeNs: ranges.get(i) ?? {},
    });
  }
  return byId;
}

function close(a: Record<string, number>, b: Record<string, number>): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > NS_TOLERANCE) return false;
  return true;
}

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
    const mine = perGoroutine(model);
    const bad: string[] = [];
    for (const gg of golden.goroutines) {
      const m = mine.get(gg.id);
      if (!m) {
        bad.push(`missing ${gg.id}`);
        continue;
      }
      for (const k of ['execNs', 'schedWaitNs', 'syscallNs', 'syscallBlockNs', 'totalNs', 'creationTime', 'startTime', 'endTime'] as const) {
        if (Math.abs((m[k] as number) - gg[k]) > NS_TOLERANCE) bad.push(`g${gg.id} ${k}: ${m[k]} vs ${gg[k]}`);
      }
      if (m.name !== gg.name) bad.push(`g${gg.id} name ${m.name} vs ${gg.name}`);
      if (m.regions !== gg.regions) bad.push(`g${gg.id} regions ${m.regions} vs ${gg.regions}`);
      if (!close(m.blockNsByReason as Record<string, number>, gg.blockNsByReason ?? {})) bad.push(`g${gg.id} block by reason`);
      if (!close(m.rangeNs as Record<string, number>, gg.rangeNs ?? {})) bad.push(`g${gg.id} range times`);
    }
    expect(bad).toEqual([]);
  });

  it('groups goroutines by start function like the goroutines page', () => {
    const groups = goroutineGroups(model);
    const mine = Object.fromEntries(groups.map((g) => [g.name, { count: g.count, execNs: g.total.execNs }]));
    const gold = Object.fromEntries(golden.goroutineGroups.map((g) => [g.name, { count: g.count, execNs: g.execNs }]));
    expect(mine).toEqual(gold);
    expect(groups.map((g) => g.total.execNs)).toEqual(golden.goroutineGroups.map((g) => g.execNs));
  });

  it('has the user tasks', () => {
    const tasks = model.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      parent: t.parent,
      complete: t.startNs !== null && t.endNs !== null,
      logs: t.logs,
      regions: t.regions,
      goroutines: t.goroutines,
    }));
    expect(tasks).toEqual(golden.tasks);
  });

  it.each(['net', 'sync', 'syscall', 'sched'] as const)('derives the %s profile of go tool trace -pprof', (kind) => {
    const gold = pprofStats(readPprof(fixture('v2', `${base}.${kind}.pprof`)));
    const mine = profileStats(derivedProfile(model, kind));
    expect(mine.total).toBe(gold.total);
    expect(mine.contentions).toBe(gold.contentions);
    expect(mine.top).toEqual(gold.top);
  });
});
