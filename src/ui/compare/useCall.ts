/**
 * Asks the given worker client whenever the request changes; keeps the last answer on
 * screen while the next one is computed, and drops answers to requests no longer current.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { Method, Params, Result } from '../../worker/api';
import type { WorkerClient } from '../../worker/client';

export interface Call<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  /** The request (as JSON) that data or error answers: tells a fresh answer from a kept one. */
  key: string | null;
}

/** The key useCall gives a request. */
export const callKey = (params: unknown): string | null => (params ? JSON.stringify(params) : null);

export function useCall<M extends Method>(client: WorkerClient, method: M, params: Params<M> | null): Call<Result<M>> {
  const key = callKey(params);
  const [state, setState] = useState<Call<Result<M>>>({ data: null, error: null, loading: false, key: null });
  const latest = useRef<string | null>(null);
  // Asked in the commit that makes the request, not in a passive effect that may wait for
  // a paint: the worker starts a frame sooner (the first diff flame request follows the
  // pairs answer this way).
  useLayoutEffect(() => {
    latest.current = key;
    if (!key || !params) {
      setState({ data: null, error: null, loading: false, key: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    client.call(method, params).then(
      (data) => {
        if (latest.current === key) setState({ data, error: null, loading: false, key });
      },
      (e: unknown) => {
        if (latest.current === key) setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false, key });
      },
    );
    // params is captured through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, method, key]);
  return state;
}
