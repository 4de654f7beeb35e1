/**
 * The worker's request loop end to end, over a MessageChannel as the app's worker would
 * be: a long request (a range's sync profile, read again from the trace) reports progress,
 * is cancelled mid-flight by the caller's signal, and the timeline's tiles hand their
 * typed arrays over.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, WorkerClient, type WorkerPort } from '../../src/worker/client';
import { serveRequests, type RequestPort } from '../../src/worker/serve';
import { Session } from '../../src/worker/session';
import { TIME_CATEGORIES } from '../../src/analysis/trace';

const TRACE = 'test/fixtures/traces/busy/busy.trace.gz';

describe('worker requests over a channel', () => {
  const channel = new MessageChannel();
  const session = new Session();
  let client: WorkerClient;
  const FILE = 1;

  beforeAll(async () => {
    serveRequests(channel.port2 as unknown as RequestPort, session);
    client = new WorkerClient(channel.port1 as unknown as WorkerPort);
    const bytes = new Uint8Array(gunzipSync(readFileSync(TRACE))).buffer;
    const info = await client.call('openFile', { id: FILE, name: 'busy.trace', bytes }, { transfer: [bytes] });
    expect(info.error).toBeUndefined();
    // Transferred, not copied: the caller's buffer is gone.
    expect(bytes.byteLength).toBe(0);
  });
  afterAll(() => {
    channel.port1.close();
    channel.port2.close();
  });

  it('cancels a scan mid-flight', async () => {
    const { durationNs } = await client.call('traceSummary', { file: FILE });
    const cancel = new AbortController();
    const seen: number[] = [];
    const call = client.call(
      'openDerived',
      { file: FILE, kind: 'sync', range: { t0: 0, t1: durationNs / 2 } },
      {
        signal: cancel.signal,
        onProgress: (phase, done, total) => {
          expect(phase).toBe('range');
          seen.push(done / total);
          if (done < total) cancel.abort();
        },
      },
    );
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    // It was stopped part way: the scan had reported progress short of the end.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1);
    // The worker is free again and answers the next request.
    expect((await client.call('traceSummary', { file: FILE })).durationNs).toBe(durationNs);
  });

  it('answers tiles as transferred arrays whose P lanes add up to the goroutines run time', async () => {
    const info = await client.call('timelineOpen', { file: FILE });
    const { procs } = await client.call('traceSummary', { file: FILE });
    const pLanes = info.lanes.filter((l) => l.kind === 'proc');
    expect(pLanes.map((l) => l.name)).toEqual(Array.from({ length: procs }, (_, i) => `P${i}`));
    const width = 500;
    const a = await client.call('timelineTiles', { file: FILE, t0: 0, t1: info.endNs, width, lanes: pLanes.map((l) => l.key) });
    expect(a.cover).toBeInstanceOf(Uint8Array);
    expect(a.cover.length).toBe(pLanes.length * width);
    // Time run on every P ≈ time every goroutine ran (the goroutine analysis' execution
    // time). Not to the ns: covers are quantised to 1/255 of a bucket, and a lane shows
    // goroutines from the transition the trace records, where the analysis counts time
    // from the generation's start for goroutines first seen in it, as go tool trace does.
    const bucketNs = info.endNs / width;
    const onPs = a.cover.reduce((s, v) => s + (v / 255) * bucketNs, 0);
    const { groups } = await client.call('traceGroups', { file: FILE });
    expect(TIME_CATEGORIES[0]).toBe('execNs');
    const ran = groups.reduce((s, g) => s + g.total.execNs, 0);
    expect(Math.abs(onPs - ran) / ran).toBeLessThan(5e-3);
  });

  it('a window is the same tiles as the whole, cut to it', async () => {
    const info = await client.call('timelineOpen', { file: FILE });
    const lanes = info.lanes.map((l) => l.key);
    const whole = await client.call('timelineTiles', { file: FILE, t0: 0, t1: info.endNs, width: 100, lanes });
    const half = await client.call('timelineTiles', { file: FILE, t0: 0, t1: info.endNs / 2, width: 50, lanes });
    for (let l = 0; l < lanes.length; l++) {
      for (let b = 0; b < 50; b++) {
        expect(half.cover[l * 50 + b]).toBe(whole.cover[l * 100 + b]);
        expect(half.dominant[l * 50 + b]).toBe(whole.dominant[l * 100 + b]);
      }
    }
  });
});
