/** The goroutine worker calls over a Session holding the incident 3 fixtures in all three encodings. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../src/worker/session';
import { handlers } from '../../src/worker/handlers';
import { requestContext } from '../../src/worker/context';

const { goroutineCompare, goroutineCreators, goroutineGroups, goroutineLeaks, goroutineOverview, goroutinePairs, goroutineStack, openFile } = handlers;

const DIR = 'test/fixtures/incident3/';
const FILES = [
  'goroutine-t1.debug2.txt', // 1
  'goroutine-t2.debug2.txt', // 2
  'goroutine-t1.pb.gz', // 3
  'goroutine-t2.pb.gz', // 4
  'goroutine-t1.debug1.txt', // 5
  'goroutine-t2.debug1.txt', // 6
];
const id = (name: string) => FILES.indexOf(name) + 1;
const session = new Session();

/** Subscribers counted straight from the text: one "main.subscribe(" frame line each. */
const subscribers = (name: string) => readFileSync(DIR + name, 'utf8').split('\nmain.subscribe(').length - 1;
const T1 = subscribers('goroutine-t1.debug2.txt');
const T2 = subscribers('goroutine-t2.debug2.txt');

async function open(s: Session, fileId: number, path: string, name = path.split('/').pop()!) {
  const bytes = readFileSync(path);
  return openFile({ id: fileId, name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer }, requestContext(s));
}

beforeAll(async () => {
  for (const [i, f] of FILES.entries()) await open(session, i + 1, DIR + f);
  await open(session, 7, 'test/fixtures/incident1/heap-before.pb.gz');
});

describe('goroutine handlers (incident 3)', () => {
  it('gives the same totals and per-stack counts for the three encodings of one moment', () => {
    for (const t of ['t1', 't2']) {
      const forms = ['debug2.txt', 'pb.gz', 'debug1.txt'].map((e) => id(`goroutine-${t}.${e}`));
      const overviews = forms.map((file) => goroutineOverview({ file, granularity: 'function' }, requestContext(session)));
      expect(overviews.map((o) => o.encoding)).toEqual(['debug=2', 'debug=0', 'debug=1']);
      expect(new Set(overviews.map((o) => o.total)).size).toBe(1);
      expect(overviews[0].total).toBe(t === 't1' ? T1 + 7 : T2 + 7);
      const first = forms.map(
        (file) => goroutineGroups({ file, granularity: 'function', offset: 0, limit: 1, sort: 'count' }, requestContext(session)).rows[0],
      );
      for (const r of first) {
        expect(r.topUserFrame?.func).toBe('main.subscribe');
        expect(r.count).toBe(t === 't1' ? T1 : T2);
      }
    }
  });

  it('puts the netpoll-parked subscription stack first, with states, waits and its creator (debug=2)', () => {
    const page = goroutineGroups({ file: id('goroutine-t2.debug2.txt'), granularity: 'function', offset: 0, limit: 50, sort: 'count' }, requestContext(session));
    const r = page.rows[0];
    expect(r.leaf?.func).toBe('internal/poll.runtime_pollWait');
    expect(r.count).toBe(T2);
    expect(r.states).toEqual([{ state: 'IO wait', count: T2 }]);
    expect(r.waitMax).toBeGreaterThanOrEqual(1);
    expect(r.createdBy?.func).toBe('main.startSubscriber');
    expect(page.total).toBe(T2 + 7);
    expect(page.matched).toBe(page.rows.length);
    // The expanded stack has file:line for every frame, leaf first.
    const st = goroutineStack({ file: id('goroutine-t2.debug2.txt'), granularity: 'function', group: r.group }, requestContext(session));
    expect(st.frames[0].func).toBe('internal/poll.runtime_pollWait');
    expect(st.frames.map((f) => f.func)).toContain('main.subscribe');
    for (const f of st.frames) expect(f.line).toBeGreaterThan(0);
  });

  it('pages, sorts and filters by text and state', () => {
    const file = id('goroutine-t2.debug2.txt');
    const all = goroutineGroups({ file, granularity: 'line', offset: 0, limit: 1000, sort: 'count' }, requestContext(session));
    const p2 = goroutineGroups({ file, granularity: 'line', offset: 1, limit: 2, sort: 'count' }, requestContext(session));
    expect(p2.rows.map((r) => r.group)).toEqual(all.rows.slice(1, 3).map((r) => r.group));
    const asc = goroutineGroups({ file, granularity: 'line', offset: 0, limit: 1000, sort: 'count', desc: false }, requestContext(session));
    expect(asc.rows[asc.rows.length - 1].count).toBe(all.rows[0].count);
    const sel = goroutineGroups({ file, granularity: 'line', offset: 0, limit: 1000, sort: 'count', state: 'select' }, requestContext(session));
    expect(sel.rows.length).toBeGreaterThan(0);
    for (const r of sel.rows) expect(r.states.map((s) => s.state)).toEqual(['select']);
    const text = goroutineGroups({ file, granularity: 'line', offset: 0, limit: 1000, sort: 'count', text: 'SUBSCRIBER.GO' }, requestContext(session));
    expect(text.matched).toBe(1);
    expect(text.matchedGoroutines).toBe(T2);
    // The subscribers and the server's accept loop wait in network poll.
    expect(goroutineOverview({ file, granularity: 'line' }, requestContext(session)).states[0]).toEqual({ state: 'IO wait', count: T2 + 1 });
  });

  it('groups by created-by site, then by where they block', () => {
    const a = goroutineCreators({ file: id('goroutine-t2.debug2.txt'), granularity: 'function', offset: 0, limit: 10, blockedLimit: 5 }, requestContext(session));
    expect(a.hasCreatedBy).toBe(true);
    expect(a.total).toBe(T2 + 7);
    expect(a.rows[0].creator?.func).toBe('main.startSubscriber');
    expect(a.rows[0].count).toBe(T2);
    expect(a.rows[0].blockedIn[0]).toMatchObject({ count: T2, kind: 'IO wait' });
    expect(a.rows[0].moreBlocked).toBe(0);
    // debug=0 has no created-by: grouped by start function, and says so.
    const b = goroutineCreators({ file: id('goroutine-t2.pb.gz'), granularity: 'function', offset: 0, limit: 10, blockedLimit: 1 }, requestContext(session));
    expect(b.hasCreatedBy).toBe(false);
    expect(b.rows[0].kind).toBe('start-function');
    expect(b.rows[0].count).toBe(T2);
  });

  it('pairs the two most recent goroutine files: by profile time, else by drop order', () => {
    const byDrop = goroutinePairs({ files: [1, 2, 7] }, requestContext(session));
    expect(byDrop.orderedBy).toBe('drop');
    expect(byDrop.files.map((f) => f.file)).toEqual([1, 2]);
    expect(byDrop.suggested).toEqual({ before: 1, after: 2 });
    // The protobuf forms carry their time: the later one is "after" whatever the order given.
    const byTime = goroutinePairs({ files: [4, 3] }, requestContext(session));
    expect(byTime.orderedBy).toBe('time');
    expect(byTime.suggested).toEqual({ before: 3, after: 4 });
    expect(byTime.files.map((f) => f.total)).toEqual([T1 + 7, T2 + 7]);
    expect(goroutinePairs({ files: [1, 7] }, requestContext(session)).suggested).toBeNull();
  });

  it('t2 − t1: the leaking subscription stack first, with the right delta, in any mix of encodings', () => {
    const delta = T2 - T1;
    for (const [b, a] of [[1, 2], [3, 4], [5, 6], [3, 2], [1, 6]]) {
      const c = goroutineCompare({ before: b, after: a, granularity: 'function', offset: 0, limit: 20 }, requestContext(session));
      expect(c.rows[0].topUserFrame?.func).toBe('main.subscribe');
      expect(c.rows[0].leaf?.func).toBe('internal/poll.runtime_pollWait');
      expect(c.rows[0].delta).toBe(delta);
      expect(c.rows[0].before).toBe(T1);
      expect(c.rows[0].after).toBe(T2);
      expect(c.delta).toBe(delta);
      expect(c.headline).toMatch(new RegExp(`^\\+${delta} goroutines; 100% of the growth in 1 stack: main\\.subscribe`));
    }
    const dd = goroutineCompare({ before: 1, after: 2, granularity: 'line', offset: 0, limit: 20 }, requestContext(session));
    expect(dd.rows[0].waitGrowth).toBe(dd.rows[0].waitMaxAfter - dd.rows[0].waitMaxBefore);
    // Swapped: the same stack shrinks and sorts last.
    const sw = goroutineCompare({ before: 2, after: 1, granularity: 'function', offset: 0, limit: 20 }, requestContext(session));
    expect(sw.rows[sw.rows.length - 1].delta).toBe(-delta);
    // Paging, sorting and a text filter.
    const byName = goroutineCompare({ before: 1, after: 2, granularity: 'function', offset: 0, limit: 20, sort: 'name' }, requestContext(session));
    const names = byName.rows.map((r) => (r.topUserFrame ?? r.leaf)!.func);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y)));
    const f = goroutineCompare({ before: 1, after: 2, granularity: 'function', offset: 0, limit: 20, text: 'subscriber.go' }, requestContext(session));
    expect(f.rowCount).toBe(1);
    expect(goroutineCompare({ before: 1, after: 2, granularity: 'function', offset: 1, limit: 1 }, requestContext(session)).rows).toHaveLength(1);
    expect(() => goroutineCompare({ before: 1, after: 1, granularity: 'function', offset: 0, limit: 1 }, requestContext(session))).toThrow(/two different/);
  });

  it('names the subscription leak with its reasons and shape', () => {
    const a = goroutineLeaks({ file: 2, previous: 1, granularity: 'function', limit: 5 }, requestContext(session));
    const s = a.suspects[0];
    expect(s.topUserFrame?.func).toBe('main.subscribe');
    expect(s.delta).toBe(T2 - T1);
    expect(s.shape?.id).toBe('receive-without-cancel');
    expect(s.reasons.join(' ')).toMatch(/grew by/);
    const alone = goroutineLeaks({ file: 4, previous: null, granularity: 'function', limit: 5 }, requestContext(session));
    expect(alone.previous).toBeNull();
    expect(alone.suspects[0]?.delta ?? null).toBeNull();
  });

  it('refuses files without goroutines and forgets closed ones', async () => {
    expect(() => goroutineOverview({ file: 7, granularity: 'function' }, requestContext(session))).toThrow(/not a goroutine profile or dump/);
    const s = new Session();
    await open(s, 1, DIR + 'goroutine-t1.debug2.txt');
    expect(goroutineOverview({ file: 1, granularity: 'function' }, requestContext(s)).total).toBe(T1 + 7);
    s.remove(1);
    await open(s, 1, DIR + 'goroutine-t2.debug2.txt');
    // Same id, different file: nothing cached from the first one is served.
    expect(goroutineOverview({ file: 1, granularity: 'function' }, requestContext(s)).total).toBe(T2 + 7);
  });
});
