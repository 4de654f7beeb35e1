/** The compare worker calls over a Session holding real fixtures (incident 1 and 5). */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffFlameNode, DiffRequest } from '../../src/worker/compare-api';
import { Session } from '../../src/worker/session';
import { handlers } from '../../src/worker/handlers';
import { requestContext } from '../../src/worker/context';

const { diffFlame, diffTop, openFile, seriesGroups, seriesRank } = handlers;

const FILES = [
  'test/fixtures/incident1/heap-before.pb.gz',
  'test/fixtures/incident1/heap-after.pb.gz',
  'test/fixtures/incident5/heap-1.pb.gz',
  'test/fixtures/incident5/heap-2.pb.gz',
  'test/fixtures/incident5/heap-3.pb.gz',
  'test/fixtures/incident4/goroutine.pb.gz',
];
const session = new Session();
const ids = FILES.map((_, i) => i + 1);

beforeAll(async () => {
  for (const [i, f] of FILES.entries()) {
    const bytes = readFileSync(f);
    await openFile({ id: ids[i], name: f.split('/').slice(-2).join('/'), bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }, requestContext(session));
  }
});

const req: DiffRequest = { base: 1, target: 2, sampleType: 'inuse_space', transforms: [], meaning: 'diff_base', normalize: false };
const QUEUE_PATH = /workqueue\.\(\*delayingType.*\)\.(AddAfter|waitingLoop)|workqueue\.insert|waitForPriorityQueue/;

/** The frame with the largest own growth: the widest red frame that is not just a caller. */
function biggestSelfGrowth(n: DiffFlameNode, path: string[] = []): { path: string[]; grew: number } {
  let best = { path: [...path, n.name], grew: n.selfAfter - n.selfBefore };
  for (const c of n.children) {
    const b = biggestSelfGrowth(c, [...path, n.name]);
    if (b.grew > best.grew) best = b;
  }
  return best;
}

describe('compare handlers (incident 1)', () => {
  it('puts the waiting queue first in the growth table', () => {
    const a = diffTop({ ...req, sort: 'growth', descending: true, offset: 0, limit: 5 }, requestContext(session));
    expect(a.rows[0].name).toMatch(QUEUE_PATH);
    expect(a.rows[0].flatDelta).toBeGreaterThan(0);
    expect(a.totals.percentOf).toBe(a.totals.base);
    expect(a.unit).toBe('bytes');
  });

  it("has the widest growing frame on the queue's AddAfter / waiting path", () => {
    const a = diffFlame({ ...req, zoomPath: [], minFraction: 0.001, sides: true }, requestContext(session));
    const best = biggestSelfGrowth(a.root);
    expect(best.path.join(' > ')).toMatch(/AddAfter|waitingLoop/);
    expect(a.sides!.base.total).toBe(a.totals.base);
    expect(a.sides!.target.total).toBe(a.totals.target);
  });

  it('changes the numbers with meaning and normalize as pprof does', () => {
    const top = (o: Partial<DiffRequest>) => diffTop({ ...req, ...o, sort: 'pprof', descending: true, offset: 0, limit: 3 }, requestContext(session));
    const db = top({});
    const b = top({ meaning: 'base' });
    const n = top({ normalize: true });
    expect(b.totals.percentOf).not.toBe(db.totals.percentOf);
    expect(b.rows[0].flatDelta).toBe(db.rows[0].flatDelta);
    expect(b.rows[0].flatPercent).not.toBe(db.rows[0].flatPercent);
    expect(n.totals.target).toBeCloseTo(n.totals.base, -1);
    expect(n.rows[0].flatDelta).not.toBe(db.rows[0].flatDelta);
  });

  it('explains a pair whose sample types differ, naming both files and what the base can be compared with', () => {
    expect(() => diffTop({ ...req, target: 6, sampleType: 'goroutine', sort: 'growth', descending: true, offset: 0, limit: 5 }, requestContext(session))).toThrow(
      /incident1\/heap-before\.pb\.gz and incident4\/goroutine\.pb\.gz cannot be compared: their sample types differ.*Profiles that can be compared with incident1\/heap-before\.pb\.gz: incident1\/heap-after\.pb\.gz, incident5\/heap-1\.pb\.gz/s,
    );
  });
});

describe('series handler (incident 5)', () => {
  it('orders snapshots by time and ranks the handler first', () => {
    const a = seriesRank({ files: [5, 3, 4], sampleType: 'inuse_space', transforms: [], measure: 'flat', limit: 10 }, requestContext(session));
    expect(a.snapshots.map((s) => s.file)).toEqual([3, 4, 5]);
    expect(a.rows[0].name).toBe('main.(*reportJob).collect');
    expect(a.rows[0].values).toHaveLength(3);
  });

  it('offers the three snapshots as a series', () => {
    const a = seriesGroups({ files: ids }, requestContext(session));
    // One program's snapshots: incident 1's two heap profiles are another program.
    expect(a.groups).toEqual([[3, 4, 5]]);
  });
});
