/**
 * Main-thread side of the worker: typed calls that resolve with the worker's answers.
 * Each call can carry an AbortSignal (the worker stops the request's work and the call
 * rejects with a CancelledError), a progress listener, and buffers to transfer.
 */
import type { Method, Params, Result } from './api';
import type { FromWorker, ToWorker } from './protocol';

export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (phase: string, done: number, total: number) => void;
  /** Buffers in the params to hand over rather than copy (e.g. a file's bytes). */
  transfer?: Transferable[];
}

/** A call given up by its caller. */
export class CancelledError extends Error {
  constructor(method: string) {
    super(`${method}: cancelled`);
    this.name = 'CancelledError';
  }
}

/** What a Worker and a MessagePort both offer. */
export interface WorkerPort {
  postMessage(message: ToWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror?: ((e: ErrorEvent) => void) | null;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: CallOptions['onProgress'];
}

export class WorkerClient {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly worker: WorkerPort) {
    worker.onmessage = (e) => this.receive(e.data);
    worker.onerror = (e) => {
      // A crash inside the worker must not leave callers waiting forever.
      const err = new Error(`worker error: ${e.message}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
  }

  call<M extends Method>(method: M, params: Params<M>, opts: CallOptions = {}): Promise<Result<M>> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(new CancelledError(method));
    const id = ++this.seq;
    return new Promise<Result<M>>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.post({ type: 'cancel', id });
        reject(new CancelledError(method));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (v) => (done(), resolve(v as Result<M>)),
        reject: (e) => (done(), reject(e)),
        onProgress: opts.onProgress,
      });
      this.post({ type: 'request', id, method, params }, opts.transfer);
    });
  }

  private post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private receive(msg: FromWorker): void {
    const p = this.pending.get(msg.id);
    if (!p) return; // cancelled meanwhile
    if (msg.type === 'progress') {
      p.onProgress?.(msg.phase, msg.done, msg.total);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(msg.cancelled ? new CancelledError(msg.message) : new Error(msg.message));
  }
}

export function startWorker(): WorkerClient {
  return new WorkerClient(new Worker(new URL('./entry.ts', import.meta.url), { type: 'module' }));
}
