/**
 * A worker that fails, or stops answering while calls are in flight, is lost: every call in
 * flight is rejected with WorkerLostError, the worker is ended, and `onLost` hears which
 * calls were running and their last progress phase. Progress keeps a long call alive.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LostCall, WorkerClient, WorkerLostError, type WorkerPort } from '../../src/worker/client';
import type { FromWorker, ToWorker } from '../../src/worker/protocol';

function fakeWorker() {
  const sent: ToWorker[] = [];
  const port: WorkerPort & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (m) => void sent.push(m),
    terminate: () => void (port.terminated = true),
  };
  const reply = (m: FromWorker) => port.onmessage!({ data: m } as MessageEvent<FromWorker>);
  return { port, sent, reply };
}

describe('worker liveness', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('a silent worker with a call in flight is lost after silentMs; progress kept it alive until then', async () => {
    const w = fakeWorker();
    const lost: [string, LostCall[]][] = [];
    const client = new WorkerClient(w.port, { silentMs: 10_000, onLost: (r, c) => lost.push([r, c]) });
    const call = client.call('traceSummary', { file: 7 });
    const settled = call.catch((e: unknown) => e);
    const id = (w.sent[0] as { id: number }).id;
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(8_000);
      w.reply({ type: 'progress', id, phase: 'parsing', done: i, total: 10 });
    }
    expect(lost).toEqual([]);
    vi.advanceTimersByTime(12_000);
    expect(await settled).toBeInstanceOf(WorkerLostError);
    expect(w.port.terminated).toBe(true);
    expect(lost).toHaveLength(1);
    expect(lost[0]![0]).toMatch(/stopped answering/);
    expect(lost[0]![1]).toEqual([{ method: 'traceSummary', params: { file: 7 }, phase: 'parsing' }]);
    // Later calls are refused at once; the owner starts a new worker.
    await expect(client.call('traceSummary', { file: 7 })).rejects.toBeInstanceOf(WorkerLostError);
  });

  it('an idle worker is never lost for being quiet', () => {
    const w = fakeWorker();
    const onLost = vi.fn();
    new WorkerClient(w.port, { silentMs: 1_000, onLost });
    vi.advanceTimersByTime(60_000);
    expect(onLost).not.toHaveBeenCalled();
  });

  it('an uncaught error in the worker loses it, once', async () => {
    const w = fakeWorker();
    const onLost = vi.fn();
    const client = new WorkerClient(w.port, { silentMs: 10_000, onLost });
    const call = client.call('traceSummary', { file: 1 }).catch((e: unknown) => e);
    w.port.onerror!({ message: 'out of memory' } as ErrorEvent);
    w.port.onerror!({ message: 'again' } as ErrorEvent);
    expect(await call).toBeInstanceOf(WorkerLostError);
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(onLost.mock.calls[0]![0]).toMatch(/out of memory/);
  });
});
