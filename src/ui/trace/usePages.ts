/**
 * Fetches a long list a page at a time, only the pages on screen (like the top table),
 * so a group of 800k goroutines costs what one screen costs. A new request resets it.
 */
import { useEffect, useRef, useState } from 'react';
import { worker } from '../../state/worker';
import type { TraceGoroutineRow, TraceGoroutinesAnswer, TraceGoroutinesRequest } from '../../worker/trace-api';

export const PAGE = 200;

type Base = Omit<TraceGoroutinesRequest, 'offset' | 'limit'>;

export interface Pages {
  rowAt: (i: number) => TraceGoroutineRow | undefined;
  rowCount: number;
  first: TraceGoroutinesAnswer | null;
  error: string | null;
  loaded: boolean;
}

export function useGoroutinePages(base: Base | null, pages: number[]): Pages {
  const key = base ? JSON.stringify(base) : null;
  const cache = useRef(new Map<number, TraceGoroutineRow[]>());
  const pending = useRef(new Set<number>());
  const [meta, setMeta] = useState<{ key: string | null; first: TraceGoroutinesAnswer | null; error: string | null }>({ key: null, first: null, error: null });
  const [, setTick] = useState(0);
  const keyRef = useRef<string | null>(null);
  if (keyRef.current !== key) {
    keyRef.current = key;
    cache.current = new Map();
    pending.current = new Set();
  }
  const pagesKey = pages.join(',');
  useEffect(() => {
    if (!key || !base) return;
    for (const p of pages) {
      if (cache.current.has(p) || pending.current.has(p)) continue;
      pending.current.add(p);
      const mine = cache.current;
      worker()
        .call('traceGoroutines', { ...base, offset: p * PAGE, limit: PAGE })
        .then(
          (a) => {
            if (keyRef.current !== key) return;
            mine.set(p, a.rows);
            setMeta((m) => (m.key === key && m.first ? m : { key, first: a, error: null }));
            setTick((t) => t + 1);
          },
          (e: unknown) => {
            if (keyRef.current !== key) return;
            pending.current.delete(p);
            setMeta((m) => ({ ...m, key, error: e instanceof Error ? e.message : String(e) }));
          },
        );
    }
    // base is captured through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pagesKey]);
  const fresh = meta.key === key;
  return {
    rowAt: (i) => cache.current.get(Math.floor(i / PAGE))?.[i % PAGE],
    rowCount: meta.first?.rowCount ?? 0,
    first: fresh ? meta.first : null,
    error: fresh ? meta.error : null,
    loaded: fresh && !!meta.first,
  };
}
