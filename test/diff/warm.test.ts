/** Compare candidates get their view stacks while the worker is idle, and only they do. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareCandidates, warmCompareCandidates } from '../../src/worker/compare-warm';
import { openFile } from '../../src/worker/handlers';
import { Session } from '../../src/worker/session';

async function open(session: Session, id: number, path: string): Promise<void> {
  const b = readFileSync(path);
  await openFile(session, { id, name: path, bytes: b.buffer.slice(b.byteOffset, b.byteOffset + b.length) }, () => {});
}

const defaultView = (session: Session, id: number) =>
  session.lazyCallTree(id, { sampleType: session.profile(id).defaultSampleType, granularity: 'function' });

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
    const tasks: (() => void)[] = [];
    warmCompareCandidates(session, 2, (run) => tasks.push(run));
    expect(tasks).toHaveLength(1);
    expect(defaultView(session, 2).prepared).toBe(false);
    tasks[0]();
    for (const id of [1, 2]) {
      expect(defaultView(session, id).prepared).toBe(true);
      expect(defaultView(session, id).built).toBe(false);
    }
  });

  it('skips a file closed before its turn', async () => {
    const session = new Session();
    await open(session, 1, 'test/fixtures/incident5/heap-1.pb.gz');
    await open(session, 2, 'test/fixtures/incident5/heap-2.pb.gz');
    const tasks: (() => void)[] = [];
    warmCompareCandidates(session, 2, (run) => tasks.push(run));
    session.remove(2);
    expect(() => tasks[0]()).not.toThrow();
    expect(defaultView(session, 1).prepared).toBe(true);
  });
});
