/**
 * Fetches the top table a page at a time, only the pages the viewport needs, so
 * 100k rows cost what one screen costs. Any change of request resets the cache.
 */
import { useEffect, useRef, useState } from 'react';
import type { TopRequest, TopRow } from '../../worker/api';
import { worker } from '../../state/worker';

export const PAGE_SIZE = 200;

type Base = Omit<TopRequest, 'offset' | 'limit'>;

export interface TopPages {
  rowAt: (i: number) => TopRow | undefined;
  rowCount: number;
  total: number;
  unit: string;
  error: string | null;
  loaded: boolean;
}

export function useTopPages(base: Base | null, pages: number[]): TopPages {
  const key = base ? JSON.stringify(base) : null;
  const cache = useRef(new Map<number, TopRow[]>());
  const pending = useRef(new Set<number>());
  const [meta, setMeta] = useState({ key: null as string | null, rowCount: 0, total: 0, unit: '', error: null as string | null });
  const [, setTick] = useState(0);

  // A new request invalidates every cached page.
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
      const myCache = cache.current;
      worker()
        .call('top', { ...base, offset: p * PAGE_SIZE, limit: PAGE_SIZE })
        .then(
          (a) => {
            if (keyRef.current !== key) return;
            myCache.set(p, a.rows);
            setMeta({ key, rowCount: a.rowCount, total: a.total, unit: a.unit, error: null });
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
    rowAt: (i) => cache.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    // Until the new request answers, keep the old row count so the scrollbar does not jump.
    rowCount: meta.rowCount,
    total: meta.total,
    unit: meta.unit,
    error: fresh ? meta.error : null,
    loaded: fresh,
  };
}
