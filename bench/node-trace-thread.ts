/**
 * A thread of a piped trace parse (src/formats/gotrace/pipe/): the reader, or the timeline
 * builder, on a Node worker thread, for the benchmarks and the tests. This module is both
 * the thread's entry and the function that starts it.
 */
import { MessageChannel, type MessagePort, Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PipePort } from '../src/formats/gotrace/pipe/protocol';
import { serveTraceReader } from '../src/formats/gotrace/pipe/reader-side';
import { serveTimelineBuilder } from '../src/formats/gotrace/pipe/timeline-side';

export type TraceThreadRole = 'reader' | 'timeline';

interface ThreadData {
  traceThread: MessagePort;
  role: TraceThreadRole;
}

if (!isMainThread && (workerData as ThreadData | null)?.traceThread) {
  const { traceThread, role } = workerData as ThreadData;
  (role === 'reader' ? serveTraceReader : serveTimelineBuilder)(traceThread as unknown as PipePort);
  parentPort?.postMessage('loaded');
}

export interface NodeTraceThread {
  port: PipePort;
  close(): Promise<void>;
}

/**
 * Starts a thread and resolves once its code is loaded (so timing a parse leaves out
 * compiling it). Its entry is `bundledEntry` (this module bundled, see bench/bundle.ts) or
 * else this TypeScript file, loaded through tsx's loader registered first (Node 20 does
 * not apply `--import tsx` to a worker's entry module).
 */
export async function spawnNodeTraceThread(role: TraceThreadRole = 'reader', bundledEntry?: string): Promise<NodeTraceThread> {
  const { port1, port2 } = new MessageChannel();
  const data: ThreadData = { traceThread: port2, role };
  const options = { workerData: data, transferList: [port2] };
  const w = bundledEntry
    ? new Worker(bundledEntry, { ...options, execArgv: [] }) // plain: no tsx loader in the timed thread
    : new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); });`, { ...options, eval: true });
  await new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  });
  return {
    port: port1 as unknown as PipePort,
    close: async () => {
      port1.close();
      await w.terminate();
    },
  };
}
