/**
 * Picks the reader for a trace's version and runs it, whole or in slices with a macrotask
 * between them (so a Web Worker can take a "cancel" mid-way).
 */
import type { TraceSymbols } from '../../model/trace';
import type { EventConsumer } from './events';
import { traceVersion } from './header';
import { type ScanOptions, type TraceScanner, cancelledError } from './scan';
import { V1Scanner } from './v1/reader';
import { V2Scanner } from './v2/reader';

export interface SliceOptions {
  /** Work for about this long between yields to the event loop (default 50 ms). */
  yieldEveryMs?: number;
  signal?: { aborted: boolean };
}

export function createScanner(bytes: Uint8Array, sink: EventConsumer, syms: TraceSymbols, opts: ScanOptions): TraceScanner {
  const v = traceVersion(bytes);
  return v >= 22 ? new V2Scanner(bytes, v, sink, syms, opts) : new V1Scanner(bytes, v, sink, syms, opts);
}

/**
 * Resolves after a macrotask, so messages queued for the worker (a "cancel") are handled
 * first. A MessageChannel message where there is one: setTimeout(0) is clamped to 4 ms
 * once timers nest, and Chromium may delay it further.
 */
export function macrotask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Runs `s` to the end in slices, yielding a macrotask between them; throws when cancelled. */
export async function runSliced(s: TraceScanner, opts: SliceOptions): Promise<void> {
  const slice = opts.yieldEveryMs ?? 50;
  while (!s.run(performance.now() + slice)) {
    await macrotask();
    if (opts.signal?.aborted) throw cancelledError();
  }
}
