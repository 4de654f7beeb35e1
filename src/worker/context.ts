/**
 * What a handler gets besides its parameters: the session, the request's own cancel flag,
 * a progress feed and a transfer list for the answer. Each feature exports its handlers
 * as one object typed against its part of the API (Handlers<TraceApi>…).
 */
import type { Session } from './session';

export interface RequestContext {
  readonly session: Session;
  /** Set once the caller cancels: long work checks it between slices and stops. */
  readonly signal: { readonly aborted: boolean };
  /** Work done of total in a phase ("parsing", "snapshot"…); reported about once per 1%. */
  progress(phase: string, done: number, total: number): void;
  /** Buffers the answer hands over rather than copies (they are unusable here afterwards). */
  transfer(...buffers: ArrayBufferLike[]): void;
}

/** A feature's handlers: one per method of its API, given the request's context. */
export type Handlers<Api> = {
  [M in keyof Api]: Api[M] extends (p: infer P) => infer R ? (p: P, ctx: RequestContext) => R | Promise<R> : never;
};

export interface RequestOptions {
  signal?: { readonly aborted: boolean };
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** A context for one request; `transfers` collects what the handler hands over. */
export function requestContext(session: Session, opts: RequestOptions = {}): RequestContext & { transfers: ArrayBuffer[] } {
  const transfers: ArrayBuffer[] = [];
  const last = new Map<string, number>();
  return {
    session,
    signal: opts.signal ?? { aborted: false },
    transfers,
    progress(phase, done, total) {
      if (!opts.onProgress) return;
      const prev = last.get(phase) ?? -Infinity;
      // A message per ~1% is plenty for a progress bar.
      if (done !== total && done - prev < total / 100) return;
      last.set(phase, done);
      opts.onProgress(phase, done, total);
    },
    transfer(...buffers) {
      for (const b of buffers) if (b instanceof ArrayBuffer && !transfers.includes(b)) transfers.push(b);
    },
  };
}
