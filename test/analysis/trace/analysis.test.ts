/**
 * Traces made by our own Go programs (test/fixtures/gen/trace-annotated, incident 2):
 * goroutine groups equal `go tool trace`'s goroutines page, derived profiles equal
 * `go tool trace -pprof`, and the other answers the trace views ask for.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTrace, scanTrace } from '../../../src/formats/gotrace';
import {
  blockReasons,
  cpuSamplesProfile,
  creationOverTime,
  derivedProfile,
  goroutineGroups,
  groupGoroutines,
  heapSeries,
  liveGoroutines,
  regionSummary,
  snapshotAt,
  snapshotDelta,
  taskSummary,
} from '../../../src/analysis/trace';
import { FIXTURES, expectDerivedLikeGoTool, expectGroupsLikeGoTool, fixture, profileStats } from '../../helpers/trace';

describe('annotated trace (Go 1.26, tasks, regions, CPU samples)', () => {
  const bytes = fixture('annotated-go1.26.trace');
  const model = parseTrace(bytes);

  it('parses cleanly', () => {
    expect(model.summary.error).toBeNull();
    expect(model.summary.goVersion).toBe('1.26');
    expect(model.summary.generations).toBeGreaterThanOrEqual(1);
    expect(model.summary.cpuSamples).toBeGreaterThan(0);
  });

  it('groups goroutines like the goroutines page of go tool trace', () => {
    expectGroupsLikeGoTool(model, readFileSync(join(FIXTURES, 'annotated-go1.26.goroutines.html'), 'utf8'));
    const workers = groupGoroutines(model, 'main.pipeline.func1');
    expect(workers).toHaveLength(8);
    expect(workers[0].creator).toBe(1);
    expect(model.symbols.rootFunc(workers[0].creationStack)).toBe('main.main');
    expect(blockReasons(model, 'main.pipeline.func1')['chan receive']).toBeGreaterThan(0);
  });

  it.each(['net', 'sync', 'syscall', 'sched'] as const)('derives the %s profile of go tool trace -pprof', (kind) => {
    expectDerivedLikeGoTool(model, kind, fixture(`annotated-go1.26.${kind}.pprof`));
  });

  it('restricts derived profiles to one group', () => {
    const all = profileStats(derivedProfile(model, 'net')).total;
    const clients = profileStats(derivedProfile(model, 'net', 'main.echo.func2')).total;
    expect(clients).toBeGreaterThan(0);
    expect(clients).toBeLessThanOrEqual(all);
    expect(profileStats(derivedProfile(model, 'net', 'main.files.func1')).total).toBe(0);
  });

  it('has the CPU samples as a profile', () => {
    const p = cpuSamplesProfile(model);
    let n = 0;
    const funcs = new Set<string>();
    for (let i = 0; i < p.samples.count; i++) {
      n += p.samples.values[0][i];
      for (let node = p.samples.stack[i]; node > 0; node = p.stacks.parent[node]) funcs.add(p.strings[p.frames.func[p.stacks.frame[node]]]);
    }
    expect(n).toBe(model.summary.cpuSamples);
    expect(funcs.has('crypto/sha256.Sum256')).toBe(true);
  });

  it('summarises tasks and regions with durations', () => {
    const tasks = taskSummary(model);
    expect(tasks.find((t) => t.name === 'worker')).toMatchObject({ count: 8, complete: 8 });
    expect(tasks.find((t) => t.name === 'echo-client')).toMatchObject({ count: 6, complete: 6 });
    const regions = regionSummary(model);
    expect(regions.find((r) => r.name === 'roundtrip')).toMatchObject({ count: 120, complete: 120 });
    expect(regions.find((r) => r.name === 'hash')?.count).toBe(400);
    expect(regions.find((r) => r.name === 'write-sync')?.count).toBe(40);
    for (const r of regions) for (const d of r.durations) expect(d).toBeGreaterThanOrEqual(0);
  });

  it('has heap and GC series', () => {
    const h = heapSeries(model);
    expect(h.heapAlloc.timeNs.length).toBeGreaterThan(0);
    expect(h.gomaxprocs.value[0]).toBeGreaterThan(0);
    expect(h.stw.length).toBeGreaterThan(0);
    expect(h.stw[0].kind).toMatch(/./);
  });

  it('takes a snapshot at an instant', async () => {
    const replay = (sink: Parameters<typeof scanTrace>[1]) => void scanTrace(bytes, sink, model.symbols);
    const mid = model.summary.endNs / 2;
    const snap = await snapshotAt(model, mid, replay);
    const live = liveGoroutines(model);
    let expected = 0;
    for (let i = 0; i < live.timeNs.length && live.timeNs[i] <= mid; i++) expected = live.count[i];
    expect(snap.rows.length).toBeGreaterThan(3);
    expect(snap.rows.length).toBe(expected);
    const waiting = snap.rows.filter((r) => r.state === 'Waiting');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.some((r) => r.reason === 'chan receive' || r.reason === 'sync' || r.reason === 'network')).toBe(true);
    let total = 0;
    for (let i = 0; i < snap.profile.samples.count; i++) total += snap.profile.samples.values[0][i];
    expect(total).toBe(snap.rows.length);
    const end = await snapshotAt(model, model.summary.endNs, replay);
    expect(snapshotDelta(snap, end).length).toBeGreaterThan(0);
  });
});

const INCIDENT2 = join(FIXTURES, '../incident2/main-1-trace-1732262400.pprof');
describe('incident 2 trace (timing wheel per request)', () => {
  const model = parseTrace(new Uint8Array(readFileSync(INCIDENT2)));

  it('has the go tool trace goroutine groups, timing wheel first by count', () => {
    expect(model.summary.error).toBeNull();
    // The incident's trace is regenerated by its own program; counts are deterministic,
    // execution times are not, so only counts are compared with the saved page.
    expectGroupsLikeGoTool(model, readFileSync(join(FIXTURES, 'incident2.goroutines.html'), 'utf8'), false);
    const byCount = goroutineGroups(model, 'count');
    expect(byCount[0].name).toBe('github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run');
    expect(byCount[0].count).toBeGreaterThan(10000);
    expect(byCount[0].alive).toBe(byCount[0].count);
  });

  it('shows the creation burst', () => {
    const c = creationOverTime(model, 50);
    const k = c.names.indexOf('github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run');
    expect(k).toBeGreaterThanOrEqual(0);
    const created = c.counts[k].reduce((a, b) => a + b, 0);
    expect(created).toBeGreaterThan(10000);
    expect(c.live[c.live.length - 1]).toBeGreaterThan(c.live[0] + 20000);
  });
});
