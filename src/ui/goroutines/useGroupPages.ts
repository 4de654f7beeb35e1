/**
 * Fetches stack groups a page at a time, only the pages the viewport needs, so 100k
 * goroutines (and as many groups) cost what one screen costs. A new request resets it.
 */
import { useEffect, useRef, useState } from 'react';
import { worker } from '../../state/worker';
import type { GoroutineGroupsRequest, GroupRow } from '../../worker/goroutine-api';

export const PAGE_SIZE = 100;

export type GroupsBase = Omit<GoroutineGroupsRequest, 'offset' | 'limit'>;

export interface GroupPages {
  rowAt: (i: number) => GroupRow | undefined;
  /** Groups that match (the previous answer's count until the new one lands). */
  rowCount: number;
  matchedGoroutines: number;
  total: number;
  error: string | null;
  /** The current request has answered at least once. */
  loaded: boolean;
}

export function useGroupPages(base: GroupsBase | null, pages: number[]): GroupPages {
  const key = base ? JSON.stringify(base) : null;
  const cache = useRef(new Map<number, GroupRow[]>());
  const pending = useRef(new Set<number>());
  const [meta, setMeta] = useState({ key: null as string | null, rowCount: 0, matchedGoroutines: 0, total: 0, error: null as string | null });
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
      const myCache = cache.current;
      worker()
        .call('goroutineGroups', { ...base, offset: p * PAGE_SIZE, limit: PAGE_SIZE })
        .then(
          (a) => {
            if (keyRef.current !== key) return;
            myCache.set(p, a.rows);
            setMeta({ key, rowCount: a.matched, matchedGoroutines: a.matchedGoroutines, total: a.total, error: null });
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
    rowCount: meta.rowCount,
    matchedGoroutines: meta.matchedGoroutines,
    total: meta.total,
    error: fresh ? meta.error : null,
    loaded: fresh,
  };
}
