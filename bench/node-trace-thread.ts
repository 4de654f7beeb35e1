/**
 * The reader half of a piped trace parse (src/formats/gotrace/pipe/) on a Node worker
 * thread, for the benchmark and the tests: this module is both the thread's entry and
 * the function that starts it.
 */
import { MessageChannel, type MessagePort, Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { PipePort } from '../src/formats/gotrace/pipe/protocol';
import { serveTraceReader } from '../src/formats/gotrace/pipe/reader-side';

if (!isMainThread && (workerData as { traceReader?: MessagePort } | null)?.traceReader) {
  serveTraceReader((workerData as { traceReader: MessagePort }).traceReader as unknown as PipePort);
  parentPort?.postMessage('loaded');
}

export interface NodeTraceReader {
  port: PipePort;
  close(): Promise<void>;
}

/**
 * Starts a reader thread and resolves once its code is loaded (so timing a parse leaves
 * out compiling it). Its entry is `bundledEntry` (this module bundled, see bench/bundle.ts)
 * or else this TypeScript file, loaded through tsx's loader registered first (Node 20
 * does not apply `--import tsx` to a worker's entry module).
 */
export async function spawnNodeTraceReader(bundledEntry?: string): Promise<NodeTraceReader> {
  const { port1, port2 } = new MessageChannel();
  const options = { workerData: { traceReader: port2 }, transferList: [port2] };
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
