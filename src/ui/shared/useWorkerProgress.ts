/**
 * The latest progress the worker reported for one file and phase (e.g. a trace's snapshot
 * replay), as a fraction of the whole; null until a report arrives after `since` changes.
 */
import { useEffect, useState } from 'react';
import type { FileId } from '../../worker/api';
import { worker } from '../../state/worker';

export function useWorkerProgress(file: FileId, phase: string, since: unknown): { done: number; total: number } | null {
  const [p, setP] = useState<{ done: number; total: number } | null>(null);
  useEffect(() => {
    setP(null);
    return worker().onProgress((m) => {
      if (m.file === file && m.phase === phase) setP({ done: m.done, total: m.total });
    });
  }, [file, phase, since]);
  return p;
}
