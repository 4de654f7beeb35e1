/**
 * The cooperative parse: same model as the blocking one, yields macrotasks while it works
 * (so a worker can receive a "cancel" message), and a cancelled parse rejects clearly.
 */
import { describe, expect, it } from 'vitest';
import { CANCELLED_MESSAGE, isCancelled, parseTrace, parseTraceAsync, scanTraceAsync } from '../../../src/formats/gotrace';
import { TraceSymbols, type TraceEventSink } from '../../../src/model/trace';
import { fixture } from '../../helpers/trace';

const long = fixture('v2', 'go1.26-long.trace');

describe('parseTraceAsync', () => {
  it('builds the same model as parseTrace', async () => {
    const a = parseTrace(long);
    const b = await parseTraceAsync(long, { yieldEveryMs: 0 });
    expect(b.summary).toEqual(a.summary);
    expect(Array.from(b.goroutines.execNs)).toEqual(Array.from(a.goroutines.execNs));
    expect(b.derived.count).toBe(a.derived.count);
    expect(b.tasks).toEqual(a.tasks);
  });

  it('lets macrotasks run while it works, and reports progress up to the end', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const seen: number[] = [];
    try {
      await parseTraceAsync(long, { yieldEveryMs: 0, onProgress: (done, total) => seen.push(done / total) });
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(2);
    expect(seen.length).toBeGreaterThan(2);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('stops when cancelled from another task, with an error that says so', async () => {
    const signal = { aborted: false };
    // As a worker's "cancel" message would: set the flag from a separate macrotask.
    setTimeout(() => (signal.aborted = true), 0);
    const p = parseTraceAsync(long, { signal, yieldEveryMs: 0 });
    await expect(p).rejects.toThrow(/cancelled/);
    const err = await p.catch((e: unknown) => e);
    expect(isCancelled(err)).toBe(true);
    expect((err as Error).message).toBe(CANCELLED_MESSAGE);
  });

  it('is cancelled synchronously too (blocking parse, flag set from a progress callback)', () => {
    const signal = { aborted: false };
    expect(() => parseTrace(long, { signal, onProgress: () => (signal.aborted = true) })).toThrow(/cancelled/);
  });

  it('streams events into a classic sink', async () => {
    let transitions = 0;
    let syncs = 0;
    const sink: TraceEventSink = {
      sync: () => void syncs++,
      goTransition: () => void transitions++,
      procTransition: () => {},
      range: () => {},
      metric: () => {},
      label: () => {},
      task: () => {},
      region: () => {},
      log: () => {},
      cpuSample: () => {},
      experimental: () => {},
    };
    const res = await scanTraceAsync(long, sink, new TraceSymbols(), { yieldEveryMs: 0 });
    const m = parseTrace(long);
    expect(syncs).toBe(m.summary.syncEvents);
    expect(transitions).toBe(m.summary.goStateTransitions ? Object.values(m.summary.goStateTransitions).reduce((x, y) => x + y, 0) : 0);
    expect(res.events).toBe(m.summary.events);
  });
});
