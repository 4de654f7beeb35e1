/**
 * The worker's request loop end to end, over a MessageChannel as the app's worker would
 * be: a long request reports progress, is cancelled mid-flight by the caller's signal,
 * and the same request run to the end hands its typed arrays over.
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

  it('cancels traceProcBusy mid-flight', async () => {
    const { durationNs } = await client.call('traceSummary', { file: FILE });
    const cancel = new AbortController();
    const seen: number[] = [];
    const call = client.call(
      'traceProcBusy',
      { file: FILE, startNs: 0, endNs: durationNs, buckets: 1000 },
      {
        signal: cancel.signal,
        onProgress: (phase, done, total) => {
          expect(phase).toBe('replay');
          seen.push(done / total);
          if (done < total) cancel.abort();
        },
      },
    );
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    // It was stopped part way: the replay had reported progress short of the end.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1);
    // The worker is free again and answers the next request.
    expect((await client.call('traceSummary', { file: FILE })).durationNs).toBe(durationNs);
  });

  it('answers traceProcBusy with transferred arrays that add up to the goroutines run time', async () => {
    const { durationNs, procs } = await client.call('traceSummary', { file: FILE });
    const buckets = 500;
    const a = await client.call('traceProcBusy', { file: FILE, startNs: 0, endNs: durationNs, buckets });
    expect(a.busy).toBeInstanceOf(Float32Array);
    expect(a.procs.length).toBe(procs);
    expect(a.busy.length).toBe(a.procs.length * buckets);
    expect([...a.procs]).toEqual([...a.procs].sort((x, y) => x - y));
    for (const v of a.busy) expect(v >= 0 && v <= 1).toBe(true);
    // Time run on every P ≈ time every goroutine ran (the goroutine analysis' execution time).
    // Not to the ns: a lane shows goroutines still running at the end up to the end (184 µs
    // here), the analysis counts as go tool trace does; the lanes' slices are checked against
    // Go's own reader by the timeline's golden test.
    const width = durationNs / buckets;
    const onPs = a.busy.reduce((s, v) => s + v * width, 0);
    const { groups } = await client.call('traceGroups', { file: FILE });
    expect(TIME_CATEGORIES[0]).toBe('execNs');
    const ran = groups.reduce((s, g) => s + g.total.execNs, 0);
    expect(Math.abs(onPs - ran) / ran).toBeLessThan(1e-3);
  });

  it('a window is the same time as the whole, cut to it', async () => {
    const { durationNs } = await client.call('traceSummary', { file: FILE });
    const whole = await client.call('traceProcBusy', { file: FILE, startNs: 0, endNs: durationNs, buckets: 100 });
    const half = await client.call('traceProcBusy', { file: FILE, startNs: 0, endNs: durationNs / 2, buckets: 50 });
    for (let p = 0; p < whole.procs.length; p++) {
      for (let b = 0; b < 50; b++) expect(half.busy[p * 50 + b]).toBeCloseTo(whole.busy[p * 100 + b], 4);
    }
  });
});
