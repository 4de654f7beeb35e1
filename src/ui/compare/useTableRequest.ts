/**
 * The request the diff table may ask with: the current one once the flame graph has its
 * answer to it, until then the one before. The worker answers in order and the table
 * needs whole call trees, which the flame answer does not (analysis/diff/tree.ts): asked
 * first, the table would keep the flame graph waiting. Keeping the previous request
 * meanwhile keeps the previous rows on screen instead of an empty table.
 */
import { useEffect, useState } from 'react';
import type { DiffRequest } from '../../worker/compare-api';

export function useTableRequest(request: DiffRequest | null, flameAnswered: boolean): DiffRequest | null {
  const [asked, setAsked] = useState<DiffRequest | null>(null);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (flameAnswered || !request) setAsked(request);
    // request is captured through key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [flameAnswered, key]);
  return asked;
}
