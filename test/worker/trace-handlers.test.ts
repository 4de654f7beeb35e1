/** The trace worker handlers on real traces: incident 2's and the annotated Go 1.26 one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DERIVED_ID_BASE, Session } from '../../src/worker/session';
import { derivedName } from '../../src/analysis/trace/derived-names';
import { downsample } from '../../src/analysis/trace/downsample';
import { durationStats } from '../../src/analysis/trace/durations';
import { isCancelled } from '../../src/formats/gotrace';
import { handlers } from '../../src/worker/handlers';
import { requestContext } from '../../src/worker/context';

const { flame, openDerived, openFile, openSnapshot, top, traceCreation, traceGoroutines, traceGroups, traceHeap, traceProfiles, traceSnapshot, traceSnapshotDelta, traceSummary, traceTasks } = handlers;

const FIX = join(import.meta.dirname, '../fixtures');
const INCIDENT2 = join(FIX, 'incident2/main-1-trace-1732262400.pprof');
const ANNOTATED = join(FIX, 'traces/annotated-go1.26.trace');
const WHEEL = 'github.com/zeromicro/go-zero/core/collection.(*TimingWheel).run';

async function open(session: Session, id: number, path: string, name = path.split('/').pop()!) {
  const b = readFileSync(path);
  const bytes = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  return openFile({ id, name, bytes }, requestContext(session));
}

describe('incident 2 trace', () => {
  const session = new Session();
  beforeAll(async () => {
    const info = await open(session, 1, INCIDENT2);
    expect(info.kind).toEqual({ kind: 'trace', goVersion: '1.26' });
    await open(session, 2, join(FIX, 'incident2/main-1-block-1732262400.pprof'));
  });

  it('summarises the trace', () => {
    const s = traceSummary({ file: 1 }, requestContext(session));
    expect(s.goVersion).toBe('1.26');
    expect(s.durationNs).toBeGreaterThan(1e9);
    expect(s.goroutines).toBeGreaterThan(30000);
    expect(s.procs).toBeGreaterThan(0);
    expect(s.generations).toBeGreaterThan(0);
    expect(s.events).toBeGreaterThan(100000);
    expect(s.error).toBeNull();
    expect(s.gcs).toBeGreaterThan(0);
  });

  it('groups goroutines by start function, the timing wheel first by count', () => {
    const g = traceGroups({ file: 1 }, requestContext(session));
    expect(g.groups[0].name).toBe(WHEEL);
    expect(g.groups[0].count).toBeGreaterThan(10000);
    expect(g.groups[0].alive).toBe(g.groups[0].count);
    expect(g.groups.reduce((a, x) => a + x.count, 0)).toBe(g.goroutines);
  });

  it('pages one group\'s goroutines, sorted, with creator and creation stack', () => {
    const first = traceGoroutines({ file: 1, group: WHEEL, sort: 'creationNs', descending: false, offset: 0, limit: 50 }, requestContext(session));
    expect(first.rowCount).toBeGreaterThan(10000);
    expect(first.rows).toHaveLength(50);
    for (let i = 1; i < first.rows.length; i++) expect(first.rows[i].creationNs).toBeGreaterThanOrEqual(first.rows[i - 1].creationNs);
    const r = first.rows[0];
    expect(r.endNs).toBeNull(); // the wheels never stop
    expect(r.creator).not.toBeNull();
    expect(r.creationStack.length).toBeGreaterThan(0);
    expect(r.creationStack.some((f) => f.func.includes('NewTimingWheel'))).toBe(true);
    expect(r.creatorName).toMatch(/^main\.main/);
    const page2 = traceGoroutines({ file: 1, group: WHEEL, sort: 'creationNs', descending: false, offset: 50, limit: 50 }, requestContext(session));
    expect(page2.rows[0].creationNs).toBeGreaterThanOrEqual(first.rows[49].creationNs);
    const byExec = traceGoroutines({ file: 1, group: WHEEL, sort: 'execNs', descending: true, offset: 0, limit: 5 }, requestContext(session));
    expect(byExec.rows[0].times.execNs).toBeGreaterThanOrEqual(byExec.rows[4].times.execNs);
    expect(byExec.blockReasons.length).toBeGreaterThan(0);
    expect(traceGoroutines({ file: 1, group: 'no.such', sort: 'id', descending: false, offset: 0, limit: 5 }, requestContext(session)).rowCount).toBe(0);
  });

  it('shows the creation burst', () => {
    const c = traceCreation({ file: 1, buckets: 80, top: 6 }, requestContext(session));
    expect(c.starts).toHaveLength(80);
    const k = c.names.indexOf(WHEEL);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(c.totals[k]).toBeGreaterThan(10000);
    expect(c.live[c.live.length - 1]).toBeGreaterThan(c.live[0] + 20000);
  });

  it('totals the profiles inside the trace and opens them as files', async () => {
    const all = traceProfiles({ file: 1 }, requestContext(session));
    const sync = all.profiles.find((p) => p.kind === 'sync')!;
    expect(sync.stacks).toBeGreaterThan(0);
    expect(sync.value).toBeGreaterThan(0);
    expect(all.profiles.find((p) => p.kind === 'cpu')!.value).toBeGreaterThan(0);

    const info = await openDerived({ file: 1, kind: 'sync' }, requestContext(session));
    expect(info.id).toBeGreaterThanOrEqual(DERIVED_ID_BASE);
    expect(info.name).toBe('sync blocking · main-1-trace-1732262400.pprof');
    expect(info.profile?.sampleTypes.map((t) => t.type)).toEqual(['contentions', 'delay']);
    expect(info.profile?.totals[1]).toBeCloseTo(sync.value, -3);
    // The flame graph and the top table work on it unchanged.
    const f = flame({ file: info.id, sampleType: 1, transforms: [], zoomPath: [], minFraction: 0 }, requestContext(session));
    expect(f.total).toBeCloseTo(sync.value, -3);
    expect(f.unit).toBe('nanoseconds');
    const t = top({ file: info.id, sampleType: 1, transforms: [], sort: 'flat', descending: true, offset: 0, limit: 10 }, requestContext(session));
    expect(t.rows.length).toBeGreaterThan(0);
    // The same request gives the same file.
    expect((await openDerived({ file: 1, kind: 'sync' }, requestContext(session))).id).toBe(info.id);
    // Once closed, it is made again.
    session.remove(info.id);
    expect((await openDerived({ file: 1, kind: 'sync' }, requestContext(session))).id).not.toBe(info.id);
  });

  it('restricts profiles to one group', async () => {
    const group = traceProfiles({ file: 1, group: WHEEL }, requestContext(session));
    const all = traceProfiles({ file: 1 }, requestContext(session));
    for (const k of ['sync', 'sched', 'cpu'] as const) {
      expect(group.profiles.find((p) => p.kind === k)!.value).toBeLessThanOrEqual(all.profiles.find((p) => p.kind === k)!.value);
    }
    const info = await openDerived({ file: 1, kind: 'sched', group: WHEEL }, requestContext(session));
    expect(info.name).toBe('scheduler latency of collection.(*TimingWheel).run · main-1-trace-1732262400.pprof');
    const cpu = await openDerived({ file: 1, kind: 'cpu', group: WHEEL }, requestContext(session));
    expect(cpu.kind).toEqual({ kind: 'pprof', profile: 'cpu' });
  });

  it('opens the profiles of a time range: the time inside it, no more', async () => {
    const { durationNs } = traceSummary({ file: 1 }, requestContext(session));
    const delay = async (kind: 'sync' | 'sched', range?: { t0: number; t1: number }) =>
      (await openDerived({ file: 1, kind, ...(range ? { range } : {}) }, requestContext(session))).profile!.totals[1];
    const mid = Math.round(durationNs * 0.4);
    for (const kind of ['sync', 'sched'] as const) {
      const whole = await delay(kind);
      const first = await delay(kind, { t0: 0, t1: mid });
      const second = await delay(kind, { t0: mid, t1: durationNs + 1 });
      // An interval across the middle counts its two parts, one on each side.
      expect(first + second).toBeCloseTo(whole, -3);
      expect(first).toBeGreaterThan(0);
      expect(second).toBeGreaterThan(0);
      // The whole trace as a range is the whole profile.
      expect(await delay(kind, { t0: 0, t1: durationNs + 1 })).toBeCloseTo(whole, -3);
    }
    const info = await openDerived({ file: 1, kind: 'sync', range: { t0: 0, t1: mid } }, requestContext(session));
    expect(info.name).toMatch(/^sync blocking in 0\.000–\d\.\d{3} s · /);
  });

  it('refuses trace calls on a file that is not a trace', () => {
    expect(() => traceSummary({ file: 2 }, requestContext(session))).toThrow(/not an execution trace/);
  });

  it('takes a snapshot at an instant and compares two', async () => {
    const s = traceSummary({ file: 1 }, requestContext(session));
    const early = await traceSnapshot({ file: 1, timeNs: s.durationNs * 0.05, limit: 20 }, requestContext(session));
    const late = await traceSnapshot({ file: 1, timeNs: s.durationNs * 0.95, limit: 20 }, requestContext(session));
    expect(late.total).toBeGreaterThan(early.total + 10000);
    expect(late.stacks.length).toBeLessThanOrEqual(20);
    expect(late.stacks.reduce((a, x) => a + x.count, 0)).toBeLessThanOrEqual(late.total);
    const sumStates = Object.values(late.countsByState).reduce((a, b) => a + b, 0);
    expect(sumStates).toBe(late.total);
    // The biggest stack at the end is a timing wheel or its stat loop, waiting.
    expect(late.stacks[0].count).toBeGreaterThan(10000);
    expect(late.stacks[0].startFuncs[0]).toMatch(/TimingWheel|cacheStat/);
    expect(Object.keys(late.stacks[0].states)[0]).toMatch(/^Waiting/);
    expect(late.stacks[0].frames.length).toBeGreaterThan(0);

    const d = await traceSnapshotDelta({ file: 1, aNs: early.timeNs, bNs: late.timeNs, limit: 10 }, requestContext(session));
    expect(d.totalA).toBe(early.total);
    expect(d.totalB).toBe(late.total);
    expect(d.rows[0].after - d.rows[0].before).toBeGreaterThan(5000);
    const net = d.rows.reduce((a, r) => a + r.after - r.before, 0);
    if (d.rowCount === d.rows.length) expect(net).toBe(late.total - early.total);

    const snapFile = await openSnapshot({ file: 1, timeNs: late.timeNs }, requestContext(session));
    expect(snapFile.kind).toEqual({ kind: 'pprof', profile: 'goroutine' });
    expect(snapFile.name).toMatch(/^goroutines at \d+\.\d{3} s · main-1-trace-1732262400\.pprof$/);
    expect(snapFile.profile?.totals[0]).toBe(late.total);
  });

  it('a newer snapshot request stops the scan of the one it replaces', async () => {
    const s = traceSummary({ file: 1 }, requestContext(session));
    // Instants not asked before, so both replay the trace.
    const first = traceSnapshot({ file: 1, timeNs: s.durationNs * 0.9, limit: 5 }, requestContext(session));
    const second = traceSnapshot({ file: 1, timeNs: s.durationNs * 0.8, limit: 5 }, requestContext(session));
    const [a, b] = await Promise.allSettled([first, second]);
    expect(b.status).toBe('fulfilled');
    // The first finishes only if its scan ended before the second came (a fast machine).
    if (a.status === 'rejected') expect(isCancelled(a.reason)).toBe(true);
    const again = await traceSnapshot({ file: 1, timeNs: s.durationNs * 0.8, limit: 5 }, requestContext(session));
    expect(b.status === 'fulfilled' && b.value.total).toBe(again.total);
  });

  it('downsamples the heap series and marks GCs', () => {
    const h = traceHeap({ file: 1, points: 600 }, requestContext(session));
    expect(h.heapAlloc.timeNs.length).toBeLessThanOrEqual(602);
    expect(h.heapAlloc.timeNs.length).toBeGreaterThan(100);
    expect(h.heapGoal.timeNs.length).toBeGreaterThan(0);
    expect(h.gcs.length).toBeGreaterThan(0);
    expect(h.stw.length).toBeGreaterThan(0);
    for (let i = 1; i < h.heapAlloc.timeNs.length; i++) expect(h.heapAlloc.timeNs[i]).toBeGreaterThanOrEqual(h.heapAlloc.timeNs[i - 1]);
  });
});

describe('annotated trace: tasks and regions', () => {
  const session = new Session();
  beforeAll(async () => {
    await open(session, 7, ANNOTATED);
  });
  it('summarises tasks and regions with durations', () => {
    const s = traceSummary({ file: 7 }, requestContext(session));
    expect(s.tasks).toBeGreaterThan(0);
    expect(s.regions).toBeGreaterThan(0);
    const t = traceTasks({ file: 7 }, requestContext(session));
    const worker = t.tasks.find((x) => x.name === 'worker')!;
    expect(worker.count).toBe(8);
    expect(worker.complete).toBe(8);
    expect(worker.min).toBeLessThanOrEqual(worker.median);
    expect(worker.median).toBeLessThanOrEqual(worker.p90);
    expect(worker.p90).toBeLessThanOrEqual(worker.max);
    expect(t.regions.find((x) => x.name === 'hash')!.count).toBe(400);
  });
  it('has net blocking there (incident 2 has none)', () => {
    const p = traceProfiles({ file: 7 }, requestContext(session));
    expect(p.profiles.find((x) => x.kind === 'net')!.stacks).toBeGreaterThan(0);
  });
});

describe('pure helpers', () => {
  it('downsample keeps peaks, order and the last point', () => {
    const t = Array.from({ length: 10000 }, (_, i) => i);
    const v = t.map((i) => (i === 5003 ? 1e9 : i % 7));
    const d = downsample(t, v, 300);
    expect(d.timeNs.length).toBeLessThanOrEqual(301);
    expect(d.values).toContain(1e9);
    expect(d.timeNs[d.timeNs.length - 1]).toBe(9999);
    for (let i = 1; i < d.timeNs.length; i++) expect(d.timeNs[i]).toBeGreaterThan(d.timeNs[i - 1]);
    expect(downsample([1, 2], [3, 4], 300)).toEqual({ timeNs: [1, 2], values: [3, 4] });
  });
  it('durationStats', () => {
    expect(durationStats({ name: 'x', count: 5, complete: 4, durations: [1, 2, 3, 10] })).toEqual({
      name: 'x', count: 5, complete: 4, min: 1, median: 2, p90: 10, max: 10, total: 16,
    });
    expect(durationStats({ name: 'y', count: 1, complete: 0, durations: [] }).max).toBe(0);
  });
  it('names', () => {
    expect(derivedName('t.pprof', 'net')).toBe('network blocking · t.pprof');
    expect(derivedName('t.pprof', 'cpu', '')).toBe('CPU samples of (no stack) · t.pprof');
  });
});
