/**
 * Main-thread side of the worker: typed calls that resolve with the worker's answers,
 * and a progress feed. File bytes are transferred, never copied.
 */
import type { FileId, FromWorker, Method, Params, Result, ToWorker } from './api';

export type ProgressListener = (p: { file: FileId; done: number; total: number; phase: string }) => void;

export class WorkerClient {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly progressListeners = new Set<ProgressListener>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    worker.onerror = (e) => {
      // A crash inside the worker must not leave callers waiting forever.
      const err = new Error(`worker error: ${e.message}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    const seq = ++this.seq;
    const msg: ToWorker = { type: 'request', seq, method, params } as ToWorker;
    const transfer = method === 'openFile' ? [(params as Params<'openFile'>).bytes] : [];
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage(msg, transfer);
    });
  }

  cancel(file: FileId): void {
    this.worker.postMessage({ type: 'cancel', file } satisfies ToWorker);
  }

  onProgress(listener: ProgressListener): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'progress') {
      for (const l of this.progressListeners) l(msg);
      return;
    }
    const p = this.pending.get(msg.seq);
    if (!p) return;
    this.pending.delete(msg.seq);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(new Error(msg.message));
  }
}

export function startWorker(): WorkerClient {
  return new WorkerClient(new Worker(new URL('./entry.ts', import.meta.url), { type: 'module' }));
}
