import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compareSnapshots,
  groupByCreator,
  groupByStack,
  groupStack,
  leakSuspects,
  queryGroups,
  stateCounts,
  toSnapshot,
} from '../../../src/analysis/goroutines/index';
import { FIXTURES, loadSource } from '../../helpers/goroutines';

/** Subscribers counted straight from the text: one "main.subscribe(" frame line each. */
function subscribersInText(name: string): number {
  return readFileSync(FIXTURES + name, 'utf8').split('\nmain.subscribe(').length - 1;
}

const expectedDelta = subscribersInText('goroutine-t2.debug2.txt') - subscribersInText('goroutine-t1.debug2.txt');

describe('t2 − t1 (incident 3)', () => {
  const encodings = ['pb.gz', 'debug1.txt', 'debug2.txt'];
  const pairs = encodings.flatMap((a) => encodings.map((b) => [a, b] as const));

  it.each(pairs)('t1 as %s, t2 as %s: the leaking stack first, with the right delta', (a, b) => {
    const cmp = compareSnapshots(
      toSnapshot(loadSource(`goroutine-t1.${a}`)),
      toSnapshot(loadSource(`goroutine-t2.${b}`)),
    );
    const first = cmp.rows[0];
    expect(expectedDelta).toBeGreaterThan(100);
    expect(first.topUserFrame?.func).toBe('main.subscribe');
    expect(first.delta).toBe(expectedDelta);
    expect(first.isNew).toBe(false);
    expect(cmp.delta).toBe(expectedDelta);
    expect(cmp.topStacks).toBe(1);
    expect(cmp.headline).toBe(`+${expectedDelta} goroutines; 100% of the growth in 1 stack: main.subscribe`);
    // Every other stack (writer aside) is unchanged.
    for (const r of cmp.rows.slice(1)) if (!r.key.includes('runtime/pprof.')) expect(r.delta).toBe(0);
  });

  it('reports wait-time growth when both sides are debug=2', () => {
    const cmp = compareSnapshots(toSnapshot(loadSource('goroutine-t1.debug2.txt')), toSnapshot(loadSource('goroutine-t2.debug2.txt')));
    const r = cmp.rows[0];
    expect(r.waitMaxBefore).toBeGreaterThanOrEqual(0);
    expect(r.waitMaxAfter).toBeGreaterThan(r.waitMaxBefore);
    expect(r.waitGrowth).toBe(r.waitMaxAfter - r.waitMaxBefore);
    expect(r.statesAfter).toEqual([{ state: 'IO wait', count: r.after }]);
  });

  it('has no wait times when a side is debug=0/1', () => {
    const cmp = compareSnapshots(toSnapshot(loadSource('goroutine-t1.pb.gz')), toSnapshot(loadSource('goroutine-t2.debug2.txt')));
    expect(cmp.rows[0].waitMaxBefore).toBe(-1);
    expect(cmp.rows[0].waitGrowth).toBeNull();
  });

  it('marks new groups', () => {
    const before = toSnapshot(loadSource('panic-with-logs.txt'));
    const cmp = compareSnapshots(before, toSnapshot(loadSource('goroutine-t1.debug2.txt')));
    expect(cmp.rows.find((r) => r.topUserFrame?.func === 'main.subscribe')?.isNew).toBe(true);
    expect(cmp.rows.some((r) => r.gone)).toBe(true);
  });

  it('ranks the subscriber stack first among leak suspects, with reasons and the shape', () => {
    const [s] = leakSuspects(toSnapshot(loadSource('goroutine-t2.debug2.txt')), toSnapshot(loadSource('goroutine-t1.debug2.txt')));
    expect(s.topUserFrame?.func).toBe('main.subscribe');
    expect(s.delta).toBe(expectedDelta);
    expect(s.shape?.id).toBe('receive-without-cancel');
    expect(s.reasons.join('\n')).toMatch(/grew by \+\d+/);
    expect(s.reasons.join('\n')).toMatch(/blocked in IO wait/);
    expect(s.reasons.join('\n')).toMatch(/created at one site: main\.startSubscriber/);
  });

  it('finds the same suspect from debug=0 snapshots (no states: read from the stack)', () => {
    const [s] = leakSuspects(toSnapshot(loadSource('goroutine-t2.pb.gz')), toSnapshot(loadSource('goroutine-t1.pb.gz')));
    expect(s.topUserFrame?.func).toBe('main.subscribe');
    expect(s.reasons).toContain('blocked in IO wait (read from the stack)');
    expect(s.shape?.id).toBe('receive-without-cancel');
  });
});

describe('goroutines by stack', () => {
  const table = groupByStack(toSnapshot(loadSource('goroutine-t2.debug2.txt')));

  it('sorts by count with percentages, states, waits, creators and ids', () => {
    const page = queryGroups(table, { limit: 2 });
    expect(page.matchedGoroutines).toBe(page.total);
    const [top, second] = page.rows;
    expect(top.topUserFrame?.func).toBe('main.subscribe');
    expect(top.leaf?.func).toBe('internal/poll.runtime_pollWait');
    expect(top.percent).toBeGreaterThan(90);
    expect(top.states).toEqual([{ state: 'IO wait', count: top.count }]);
    expect(top.waitMin).toBe(0);
    expect(top.waitMax).toBeGreaterThanOrEqual(1);
    expect(top.createdBy).toMatchObject({ func: 'main.startSubscriber', line: 21 });
    expect(top.exampleIds).toHaveLength(5);
    expect(second.count).toBeLessThanOrEqual(top.count);
    expect(page.rows).toHaveLength(2);
  });

  it('pages', () => {
    const all = queryGroups(table, { limit: 100 });
    const p2 = queryGroups(table, { offset: 2, limit: 2 });
    expect(p2.rows.map((r) => r.group)).toEqual(all.rows.slice(2, 4).map((r) => r.group));
  });

  it('sorts by any column', () => {
    const byName = queryGroups(table, { sort: 'topFrame' }).rows.map((r) => r.topUserFrame?.func ?? '');
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    const byWait = queryGroups(table, { sort: 'waitMax' }).rows.map((r) => r.waitMax);
    expect(byWait).toEqual([...byWait].sort((a, b) => b - a));
    const asc = queryGroups(table, { sort: 'count', desc: false }).rows.map((r) => r.count);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
  });

  it('filters by text (function or file, any case) and by state', () => {
    expect(queryGroups(table, { text: 'CRON.GO' }).rows.map((r) => r.topUserFrame?.func)).toEqual(['main.(*cron).run']);
    expect(queryGroups(table, { text: 'startworkers' }).rows).toHaveLength(1);
    const sel = queryGroups(table, { state: 'select' });
    expect(sel.rows.map((r) => r.count)).toEqual([4]);
    expect(queryGroups(table, { state: 'no such state' }).rows).toEqual([]);
    expect(stateCounts(table)[0].state).toBe('IO wait');
  });

  it('expands a group to its full stack with file:line', () => {
    const top = queryGroups(table, { limit: 1 }).rows[0];
    const frames = groupStack(table, top.group);
    expect(frames[0]).toMatchObject({ func: 'internal/poll.runtime_pollWait', line: 351 });
    expect(frames.map((f) => f.func)).toContain('main.subscribe');
    expect(frames.at(-1)?.func).toBe('main.startSubscriber.func1');
  });

  it('groups at function+line granularity too', () => {
    const fn = groupByStack(toSnapshot(loadSource('panic-with-logs.txt'), 'function')).groups.length;
    const line = groupByStack(toSnapshot(loadSource('panic-with-logs.txt'), 'line')).groups.length;
    expect(line).toBeGreaterThanOrEqual(fn);
  });
});

describe('who spawns them', () => {
  it('groups by created-by, then by the blocking frame', () => {
    const [top] = groupByCreator(toSnapshot(loadSource('goroutine-t2.debug2.txt')));
    expect(top.kind).toBe('created-by');
    expect(top.creator?.func).toBe('main.startSubscriber');
    expect(top.blockedIn).toEqual([
      { leaf: expect.objectContaining({ func: 'internal/poll.runtime_pollWait' }), count: top.count, kind: 'IO wait' },
    ]);
  });

  it('falls back to the start function for debug=1', () => {
    const [top] = groupByCreator(toSnapshot(loadSource('goroutine-t2.debug1.txt')));
    expect(top.kind).toBe('start-function');
    expect(top.creator?.func).toBe('main.startSubscriber.func1');
    expect(top.blockedIn[0].kind).toBe('IO wait'); // read from internal/poll.runtime_pollWait
  });
});
