/** The open goroutine files (any encoding) and the worker's ordering and default pair of them. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFiles } from '../../state/files';
import type { FileId } from '../../worker/types';
import type { GoroutinePairsAnswer } from '../../worker/goroutine-api';
import { useWorkerCall } from '../shared/useWorkerCall';
import { isGoroutineInfo } from './format';

export function useGoroutineFileIds(): FileId[] {
  return useFiles(useShallow((s) => s.files.filter((f) => f.status === 'ready' && isGoroutineInfo(f.info)).map((f) => f.id)));
}

export function useGoroutinePairs(): { data: GoroutinePairsAnswer | null; error: string | null } {
  const ids = useGoroutineFileIds();
  const params = useMemo(() => (ids.length > 0 ? { files: ids } : null), [ids]);
  const call = useWorkerCall('goroutinePairs', params);
  return { data: call.data, error: call.error };
}
