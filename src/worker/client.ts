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
  terminate?: () => void;
}

/** A call in flight when the worker was lost: what it was doing, and its last progress phase. */
export interface LostCall {
  method: string;
  params: unknown;
  phase: string;
}

/** Why calls were rejected: the worker failed or stopped answering (see WorkerClient's `onLost`). */
export class WorkerLostError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkerLostError';
  }
}

export interface LivenessOptions {
  /** With calls in flight, this long without any message (answer or progress) means the worker is stuck. */
  silentMs: number;
  /** Called once, after every call in flight was rejected and the worker ended. */
  onLost: (reason: string, calls: LostCall[]) => void;
}

interface Pending {
  method: string;
  params: unknown;
  phase: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  onProgress?: CallOptions['onProgress'];
}

export class WorkerClient {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  private heardAt = 0;
  private watch: ReturnType<typeof setInterval> | null = null;
  private lost = false;

  constructor(
    private readonly worker: WorkerPort,
    private readonly liveness?: LivenessOptions,
  ) {
    worker.onmessage = (e) => {
      this.heardAt = performance.now();
      this.receive(e.data);
    };
    // An error that escaped the worker's request loop leaves its state unknown: it is lost.
    worker.onerror = (e) => this.lose(`the worker failed: ${e.message || 'an uncaught error'}`);
  }

  /** Rejects every call in flight, ends the worker and tells `onLost` (once). */
  private lose(reason: string): void {
    if (this.lost) return;
    this.lost = true;
    this.stopWatch();
    const calls = [...this.pending.values()].map(({ method, params, phase }) => ({ method, params, phase }));
    const err = new WorkerLostError(reason);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    this.worker.terminate?.();
    this.liveness?.onLost(reason, calls);
  }

  private startWatch(): void {
    const l = this.liveness;
    if (!l || this.watch) return;
    this.heardAt = performance.now();
    this.watch = setInterval(() => {
      if (this.pending.size === 0) return this.stopWatch();
      const silent = performance.now() - this.heardAt;
      if (silent > l.silentMs) this.lose(`the worker stopped answering (nothing for ${Math.round(silent / 1000)} s)`);
    }, Math.min(1000, l.silentMs / 4));
  }

  private stopWatch(): void {
    if (this.watch) clearInterval(this.watch);
    this.watch = null;
  }

  call<M extends Method>(method: M, params: Params<M>, opts: CallOptions = {}): Promise<Result<M>> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(new CancelledError(method));
    if (this.lost) return Promise.reject(new WorkerLostError('the worker was lost'));
    const id = ++this.seq;
    return new Promise<Result<M>>((resolve, reject) => {
      const onAbort = () => {
        if (!this.pending.delete(id)) return;
        this.post({ type: 'cancel', id });
        reject(new CancelledError(method));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      if (this.pending.size === 0) this.heardAt = performance.now();
      this.pending.set(id, {
        method,
        params,
        phase: '',
        resolve: (v) => (done(), resolve(v as Result<M>)),
        reject: (e) => (done(), reject(e)),
        onProgress: opts.onProgress,
      });
      this.post({ type: 'request', id, method, params }, opts.transfer);
      this.startWatch();
    });
  }

  private post(msg: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  private receive(msg: FromWorker): void {
    const p = this.pending.get(msg.id);
    if (!p) return; // cancelled meanwhile
    if (msg.type === 'progress') {
      p.phase = msg.phase;
      p.onProgress?.(msg.phase, msg.done, msg.total);
      return;
    }
    this.pending.delete(msg.id);
    if (msg.type === 'result') p.resolve(msg.result);
    else p.reject(msg.cancelled ? new CancelledError(msg.message) : new Error(msg.message));
  }
}

export function startWorker(liveness?: LivenessOptions): WorkerClient {
  return new WorkerClient(new Worker(new URL('./entry.ts', import.meta.url), { type: 'module' }), liveness);
}
