/**
 * An archive's entries through the worker's request loop: listed from lean summaries
 * (the archive's bytes kept, not the entries' models), read again from the archive when a
 * request needs one, many read in one pass for a merge, and let go again once more than a
 * few are held, with every answer the same as for the file opened on its own.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerClient, type WorkerPort } from '../../src/worker/client';
import { serveRequests, type RequestPort } from '../../src/worker/serve';
import { NotRead, Session } from '../../src/worker/session';
import type { FileInfo } from '../../src/worker/types';
import { makeTarGz } from '../helpers/archives';

const fixture = (p: string) => new Uint8Array(readFileSync(`test/fixtures/${p}`));
const heaps = ['incident1/heap-before.pb.gz', 'incident1/heap-after.pb.gz'];
const pods = Array.from({ length: 6 }, (_, i) => `api-7d4b9c6f5-${'bcdfgh'[i]}x2k9`);
const view = { sampleType: 1, transforms: [] };

describe('archive entries in the worker', () => {
  const channel = new MessageChannel();
  const session = new Session();
  let client: WorkerClient;
  let archive: FileInfo;
  const entry = (name: string) => archive.entries!.find((e) => e.name === name)!;
  const top = (file: number) => client.call('top', { file, ...view, sort: 'flat', descending: true, offset: 0, limit: 5 });

  beforeAll(async () => {
    serveRequests(channel.port2 as unknown as RequestPort, session);
    client = new WorkerClient(channel.port1 as unknown as WorkerPort);
    const tgz = await makeTarGz([
      ...pods.flatMap((pod, i) => [
        { name: `${pod}/heap.pb.gz`, bytes: fixture(heaps[i % 2]) },
        { name: `${pod}/goroutine.txt`, bytes: fixture('incident3/goroutine-t1.debug2.txt') },
      ]),
    ]);
    const bytes = tgz.slice().buffer;
    archive = await client.call('openFile', { id: 1, name: 'pods.tar.gz', bytes }, { transfer: [bytes] });
    for (const [i, heap] of heaps.entries()) {
      const own = fixture(heap).slice().buffer;
      await client.call('openFile', { id: 10 + i, name: heap, bytes: own }, { transfer: [own] });
    }
  });
  afterAll(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('lists a pprof entry from its lean summary, the same numbers as the file on its own, without holding its profile', async () => {
    const heap = entry(`${pods[1]}/heap.pb.gz`);
    expect(heap.partial).toBe(true);
    expect(heap.kind).toEqual({ kind: 'pprof', profile: 'heap' });
    const own = session.get(11).info.profile!;
    const { locationCount, functionCount, ...headline } = own;
    expect(heap.profile).toEqual(headline);
    expect(locationCount).toBeGreaterThan(0);
    expect(() => session.get(heap.id)).toThrow(NotRead);
    // A dump has no lean pass: opened in full at the listing, only its summary kept.
    const dump = entry(`${pods[0]}/goroutine.txt`);
    expect([dump.partial, dump.kind.kind, dump.profile!.totals[0]]).toEqual([undefined, 'goroutine-dump', expect.any(Number)]);
    expect(() => session.get(dump.id)).toThrow(NotRead);
  });

  it('reads an entry again when a view needs it: the same answers as the file on its own', async () => {
    const heap = entry(`${pods[0]}/heap.pb.gz`);
    expect(await top(heap.id)).toEqual(await top(10));
    const full = await client.call('entryInfo', { id: heap.id });
    expect(full.partial).toBeUndefined();
    expect(full.profile).toEqual(session.get(10).info.profile);
    expect(full.name).toBe(heap.name);
  });

  it('merges every pod (read together), and lets go of all but the last few entries read', async () => {
    const parts = pods.flatMap((pod) => [`${pod}/heap.pb.gz`, `${pod}/goroutine.txt`]).map((name) => ({ id: entry(name).id, pod: name.split('/')[0] }));
    const heapParts = parts.filter((_, i) => i % 2 === 0);
    const merged = await client.call('mergeReplicas', { archive: archive.id, kind: 'heap', parts: heapParts });
    const total = (id: number) => session.get(id).info.profile!.totals[1];
    expect(merged.profile!.totals[1]).toBe(3 * total(10) + 3 * total(11));
    await client.call('podGoroutines', { pods: parts.filter((_, i) => i % 2 === 1).map((p) => ({ pod: p.pod, ids: [p.id] })) });
    // Twelve entries were read; the request loop keeps the eight read last.
    const held = parts.filter((p) => {
      try {
        session.get(p.id);
        return true;
      } catch (e) {
        expect(e).toBeInstanceOf(NotRead);
        return false;
      }
    });
    expect(held.length).toBe(8);
    expect(await top(heapParts[0].id)).toEqual(await top(10));
  });

  it('reads a series of entries not held in one pass over the archive', async () => {
    const files = pods.slice(1, 4).map((pod) => entry(`${pod}/heap.pb.gz`).id);
    expect(files.filter((id) => session.isRead(id))).toEqual([]);
    // Within a pass progress only grows; a report not past the last one starts another pass.
    let passes = 0;
    let last = Infinity;
    const onProgress = (phase: string, done: number) => {
      if (phase === 'reading archive' && done <= last) passes++;
      last = done;
    };
    const series = await client.call('seriesRank', { files, sampleType: 'inuse_space', measure: 'flat', limit: 5, transforms: [] }, { onProgress });
    expect(series.snapshots).toHaveLength(3);
    expect(passes).toBe(1);
  });
});
