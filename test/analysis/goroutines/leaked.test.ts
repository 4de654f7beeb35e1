/**
 * Go 1.26's goroutine leak detector (GOEXPERIMENT=goroutineleakprofile): its profile in
 * the three encodings, and the "(leaked)" mark it leaves in ordinary dumps. The fixtures
 * were written by gen/cmd/goroutineleak, whose expect.json says what it built: senders
 * leaked by a timeout, and an idle pool on a reachable channel that is not leaked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupByStack, groupRow, leakSuspects, toSnapshot, type GoroutineSource } from '../../../src/analysis/goroutines/index';
import { describeKind } from '../../../src/model/file-kind';
import { explainSampleType } from '../../../src/state/explain';
import { openBytes } from '../../../src/formats/open';

const DIR = 'test/fixtures/goroutineleak';
const expected = JSON.parse(readFileSync(`${DIR}/expect.json`, 'utf8')) as { leaked: number; idleWorkers: number };
const SENDER = 'main.fetchPrice.func1';
const WORKER = 'main.startPool.func1';

async function source(name: string): Promise<GoroutineSource & { kind: Awaited<ReturnType<typeof openBytes>>['kind'] }> {
  const l = await openBytes(new Uint8Array(readFileSync(`${DIR}/${name}`)));
  return { profile: l.profile!, dump: l.goroutines ?? null, kind: l.kind };
}

/** Each group's top user function with its goroutine and leaked counts. */
function groups(s: GoroutineSource) {
  const t = groupByStack(toSnapshot(s));
  return t.groups.map((_, i) => {
    const r = groupRow(t, i);
    return { func: r.topUserFrame?.func ?? r.leaf?.func, count: r.count, leaked: r.leaked };
  });
}

describe('the goroutineleak profile', () => {
  it.each([
    ['goroutineleak.pb.gz', { kind: 'pprof', profile: 'goroutineleak' }, 'goroutineleak profile'],
    ['goroutineleak.txt', { kind: 'pprof', profile: 'goroutineleak', text: true }, 'goroutineleak profile (debug=1 text)'],
  ])('%s is recognised and holds only the leaked senders, every one marked', async (name, kind, described) => {
    const s = await source(name);
    expect(s.kind).toEqual(kind);
    expect(describeKind(s.kind)).toBe(described);
    const user = groups(s).filter((g) => g.func !== undefined && !g.func.startsWith('runtime/pprof.'));
    expect(user).toEqual([{ func: SENDER, count: expected.leaked, leaked: expected.leaked }]);
  });

  it('at debug=2 it is a whole goroutine dump in which the leaked ones are marked', async () => {
    const s = await source('goroutineleak.debug2.txt');
    expect(s.kind).toEqual({ kind: 'goroutine-dump', form: 'debug=2' });
    const marked = groups(s).filter((g) => g.leaked > 0);
    expect(marked).toEqual([{ func: SENDER, count: expected.leaked, leaked: expected.leaked }]);
    expect(groups(s).find((g) => g.func === WORKER)).toEqual({ func: WORKER, count: expected.idleWorkers, leaked: 0 });
  });

  it('the info panel says what its sample type counts', () => {
    expect(explainSampleType('goroutineleak', 'count', { type: 'goroutineleak', unit: 'count' }, 1, 'goroutineleak')).toMatch(
      /^goroutineleak: goroutines the runtime's leak detector found blocked forever/,
    );
  });
});

describe('a goroutine dump taken after the detector ran', () => {
  it('marks exactly the leaked senders, not the idle pool waiting on a reachable channel', async () => {
    const byFunc = new Map(groups(await source('goroutine.debug2.txt')).map((g) => [g.func, g]));
    expect(byFunc.get(SENDER)).toEqual({ func: SENDER, count: expected.leaked, leaked: expected.leaked });
    expect(byFunc.get(WORKER)).toEqual({ func: WORKER, count: expected.idleWorkers, leaked: 0 });
  });

  it("puts the runtime's verdict first among the leak suspects, and leaves the idle pool out", async () => {
    const suspects = leakSuspects(toSnapshot(await source('goroutine.debug2.txt')));
    expect(suspects[0].topUserFrame?.func).toBe(SENDER);
    expect(suspects[0].reasons[0]).toBe(
      `${expected.leaked} marked leaked by the runtime: at the last GC nothing that could wake them was reachable`,
    );
    expect(suspects.map((s) => s.topUserFrame?.func)).not.toContain(WORKER);
  });

  it('a group of one leaked goroutine is still a suspect, below the minimum size for heuristics', async () => {
    const text = readFileSync(`${DIR}/goroutine.debug2.txt`, 'utf8');
    // Keep one sender and the rest of the dump.
    const blocks = text.split('\n\n');
    const senders = blocks.filter((b) => b.includes('(leaked)'));
    const one = blocks.filter((b) => !b.includes('(leaked)')).concat(senders[0]).join('\n\n');
    const suspects = leakSuspects(toSnapshot(await sourceOfText(one)));
    expect(suspects.map((s) => [s.topUserFrame?.func, s.count])).toEqual([[SENDER, 1]]);
    expect(suspects[0].reasons[0]).toMatch(/^1 marked leaked by the runtime: .* wake it was reachable$/);
  });
});

async function sourceOfText(text: string): Promise<GoroutineSource> {
  const l = await openBytes(new TextEncoder().encode(text));
  return { profile: l.profile!, dump: l.goroutines ?? null };
}
