/**
 * Fetches a long list a page at a time, only the pages the viewport needs, so 100k rows
 * cost what one screen costs. The request (as JSON) is the cache key: a new one drops
 * every cached page.
 */
import { useEffect, useRef, useState } from 'react';

export interface PageAnswer {
  rows: unknown[];
}

export interface PagedRows<A extends PageAnswer> {
  rowAt: (i: number) => A['rows'][number] | undefined;
  /**
   * The latest page's answer, for what it says about the whole list (row count, totals).
   * Until the new request answers it is the previous one's, so the scrollbar does not jump.
   */
  answer: A | null;
  error: string | null;
  /** The current request has answered at least once (a page or an error). */
  loaded: boolean;
}

/** Page indices that cover rows [first, last). */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last <= first) return [0];
  const out: number[] = [];
  for (let p = Math.floor(first / pageSize); p <= Math.floor((last - 1) / pageSize); p++) out.push(p);
  return out;
}

export function usePagedRows<B, A extends PageAnswer>(
  request: B | null,
  [first, last]: readonly [number, number],
  pageSize: number,
  fetchPage: (request: B, offset: number, limit: number) => Promise<A>,
): PagedRows<A> {
  const key = request ? JSON.stringify(request) : null;
  const cache = useRef(new Map<number, A['rows']>());
  const pending = useRef(new Set<number>());
  const [meta, setMeta] = useState<{ key: string | null; answer: A | null; error: string | null }>({ key: null, answer: null, error: null });
  const [, setTick] = useState(0);

  const keyRef = useRef<string | null>(null);
  if (keyRef.current !== key) {
    keyRef.current = key;
    cache.current = new Map();
    pending.current = new Set();
  }

  const pages = pagesFor(first, last, pageSize);
  const pagesKey = pages.join(',');
  useEffect(() => {
    if (!key || !request) return;
    for (const p of pages) {
      if (cache.current.has(p) || pending.current.has(p)) continue;
      pending.current.add(p);
      const myCache = cache.current;
      fetchPage(request, p * pageSize, pageSize).then(
        (a) => {
          if (keyRef.current !== key) return;
          myCache.set(p, a.rows);
          setMeta({ key, answer: a, error: null });
          setTick((t) => t + 1);
        },
        (e: unknown) => {
          if (keyRef.current !== key) return;
          pending.current.delete(p);
          setMeta((m) => ({ ...m, key, error: e instanceof Error ? e.message : String(e) }));
        },
      );
    }
    // request and fetchPage are captured through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pagesKey]);

  const fresh = meta.key === key;
  return {
    rowAt: (i) => cache.current.get(Math.floor(i / pageSize))?.[i % pageSize],
    answer: meta.answer,
    error: fresh ? meta.error : null,
    loaded: fresh,
  };
}
