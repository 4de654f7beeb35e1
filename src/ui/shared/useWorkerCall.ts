/**
 * Asks the worker a question whenever the request changes, keeping the previous
 * answer on screen until the new one lands (no flicker). A request the view no longer
 * wants (it changed, or the view went away) is cancelled in the worker.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Method, Params, Result } from '../../worker/api';
import { CancelledError, type WorkerClient } from '../../worker/client';
import { worker } from '../../state/worker';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  /** The request (as JSON) that data or error answers: tells a fresh answer from a kept one. */
  key: string | null;
  /** The latest progress the worker reported for the request in flight (long replays). */
  progress: { phase: string; done: number; total: number } | null;
}

/** The key a request is known by. */
export const callKey = (params: unknown): string | null => (params ? JSON.stringify(params) : null);

/** The app's worker. */
export function useWorkerCall<M extends Method>(method: M, params: Params<M> | null): CallState<Result<M>> {
  return useCall(worker(), method, params);
}

/** Any worker client (the Compare panel is given its own). */
export function useCall<M extends Method>(client: WorkerClient, method: M, params: Params<M> | null): CallState<Result<M>> {
  const key = callKey(params);
  const [state, setState] = useState<CallState<Result<M>>>({ data: null, error: null, loading: false, key: null, progress: null });
  const latest = useRef<string | null>(null);
  // Asked in the commit that makes the request, not in a passive effect that may wait for
  // a paint: the worker starts a frame sooner (the first diff flame request follows the
  // pairs answer this way).
  useLayoutEffect(() => {
    latest.current = key;
    if (!key || !params) {
      setState({ data: null, error: null, loading: false, key: null, progress: null });
      return;
    }
    setState((s) => ({ ...s, loading: true, progress: null }));
    const cancel = new AbortController();
    const onProgress = (phase: string, done: number, total: number) => {
      if (latest.current === key) setState((s) => ({ ...s, progress: { phase, done, total } }));
    };
    client.call(method, params, { signal: cancel.signal, onProgress }).then(
      (data) => {
        if (latest.current === key) setState({ data, error: null, loading: false, key, progress: null });
      },
      (e: unknown) => {
        if (e instanceof CancelledError || latest.current !== key) return;
        setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false, key, progress: null });
      },
    );
    return () => cancel.abort();
    // params is captured through key: same key, same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, method, key]);
  return state;
}
