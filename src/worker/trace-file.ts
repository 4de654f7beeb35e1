/** The open trace behind a trace request. */
import type { TraceModel } from '../model/trace';
import type { Session } from './session';
import type { FileId, FileInfo } from './types';

export interface OpenTrace {
  model: TraceModel;
  bytes: Uint8Array;
  info: FileInfo;
}

export function traceOf(session: Session, id: FileId): OpenTrace {
  const f = session.get(id);
  if (!f.trace) throw new Error(`${f.info.name} is not an execution trace`);
  return { ...f.trace, info: f.info };
}
