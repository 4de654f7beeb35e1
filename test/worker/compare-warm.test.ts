/** Compare candidates get their view stacks while the worker is idle, and only they do. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareCandidates, warmCompareCandidates, type Later } from '../../src/worker/compare-warm';
import { openBytes } from '../../src/formats/open';
import type { FileInfo } from '../../src/worker/types';
import { Session } from '../../src/worker/session';
import { handlers } from '../../src/worker/handlers';
import { requestContext } from '../../src/worker/context';

const { openFile } = handlers;

/** Adds a file as openFile does, without openFile's own warm-up in a real timer. */
async function open(session: Session, id: number, path: string): Promise<void> {
  const info = { id, name: path, size: 0, warnings: [] } as unknown as FileInfo;
  try {
    const { profile } = await openBytes(new Uint8Array(readFileSync(path)));
    session.add({ info, profile });
  } catch {
    session.add({ info });
  }
}

/** Collects the tasks a warm-up schedules, to run them by hand; cancelled ones are dropped. */
function tasks(): { later: Later; run: () => void; count: () => number } {
  const queue = new Set<() => void>();
  return {
    later: (run) => {
      queue.add(run);
      return () => queue.delete(run);
    },
    run: () => queue.forEach((t) => t()),
    count: () => queue.size,
  };
}

const defaultView = (session: Session, id: number) =>
  session.lazyCallTree(id, { sampleType: session.profile(id).defaultSampleType, transforms: [] });

describe('warming compare candidates', () => {
  it('picks the file just opened and the profile opened before it', async () => {
    const session = new Session();
    await open(session, 1, 'test/fixtures/incident1/heap-before.pb.gz');
    expect(compareCandidates(session, 1)).toEqual([]);
    await open(session, 2, 'test/fixtures/bad/nonsense.txt');
    await open(session, 3, 'test/fixtures/incident1/heap-after.pb.gz');
    await open(session, 4, 'test/fixtures/incident4/cpu.pb.gz');
    // A file without a profile is no candidate.
    expect(compareCandidates(session, 3)).toEqual([3, 1]);
    expect(compareCandidates(session, 4)).toEqual([4, 3]);
  });

  it('makes their stacks in a later task, not the whole trees', async () => {
    const session = new Session();
    await open(session, 1, 'test/fixtures/incident5/heap-1.pb.gz');
    await open(session, 2, 'test/fixtures/incident5/heap-2.pb.gz');
    const t = tasks();
    warmCompareCandidates(session, 2, t.later);
    expect(t.count()).toBe(1);
    expect(defaultView(session, 2).prepared).toBe(false);
    t.run();
    for (const id of [1, 2]) {
      expect(defaultView(session, id).prepared).toBe(true);
      expect(defaultView(session, id).built).toBe(false);
    }
  });

  it('skips a file closed before its turn', async () => {
    const session = new Session();
    await open(session, 1, 'test/fixtures/incident5/heap-1.pb.gz');
    await open(session, 2, 'test/fixtures/incident5/heap-2.pb.gz');
    const t = tasks();
    warmCompareCandidates(session, 2, t.later);
    session.remove(2);
    expect(() => t.run()).not.toThrow();
    expect(defaultView(session, 1).prepared).toBe(true);
  });

  it('warms only the last pair of files opened together', async () => {
    const session = new Session();
    for (const [i, f] of ['heap-1', 'heap-2', 'heap-3'].entries()) await open(session, i + 1, `test/fixtures/incident5/${f}.pb.gz`);
    const t = tasks();
    warmCompareCandidates(session, 2, t.later);
    warmCompareCandidates(session, 3, t.later);
    expect(t.count()).toBe(1);
    t.run();
    expect([1, 2, 3].map((id) => defaultView(session, id).prepared)).toEqual([false, true, true]);
  });

  it('follows openFile, in a task after its answer', async () => {
    const session = new Session();
    for (const [i, f] of ['heap-1', 'heap-2'].entries()) {
      const b = readFileSync(`test/fixtures/incident5/${f}.pb.gz`);
      await openFile({ id: i + 1, name: f, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) }, requestContext(session));
    }
    expect(defaultView(session, 2).prepared).toBe(false);
    await new Promise((r) => setTimeout(r, 10));
    expect(defaultView(session, 2).prepared).toBe(true);
  });
});
