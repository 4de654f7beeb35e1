/**
 * Asks the worker a question whenever the request changes, keeping the previous
 * answer on screen until the new one lands (no flicker) and dropping stale answers.
 */
import { useEffect, useRef, useState } from 'react';
import type { Method, Params, Result } from '../../worker/api';
import { worker } from '../../state/worker';

export interface CallState<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  /** The request the current data answers (lets callers tell stale data from fresh). */
  key: string | null;
}

export function useWorkerCall<M extends Method>(method: M, params: Params<M> | null): CallState<Result<M>> {
  const key = params ? JSON.stringify(params) : null;
  const [state, setState] = useState<CallState<Result<M>>>({ data: null, error: null, loading: false, key: null });
  const latest = useRef<string | null>(null);

  useEffect(() => {
    latest.current = key;
    if (!key || !params) {
      setState({ data: null, error: null, loading: false, key: null });
      return;
    }
    setState((s) => ({ ...s, loading: true }));
    worker()
      .call(method, params)
      .then(
        (data) => {
          if (latest.current === key) setState({ data, error: null, loading: false, key });
        },
        (e: unknown) => {
          if (latest.current === key) setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false, key });
        },
      );
    // params is captured through key: same key, same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [method, key]);

  return state;
}
