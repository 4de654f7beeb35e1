/**
 * The typed contract between the UI thread and the parsing worker: the union of every
 * feature's API. The UI sends bytes once (transferred), then asks questions whose answers
 * are small and shaped for drawing. A new method goes in its feature's API file and its
 * handler file; nothing here changes.
 */
import type { CompareApi } from './compare-api';
import type { ExportApi } from './export-api';
import type { FileApi } from './file-api';
import type { GoroutineApi } from './goroutine-api';
import type { PodsApi } from './pods-api';
import type { ProfileApi } from './profile-api';
import type { SourceApi } from './source-api';
import type { TimelineApi } from './timeline-api';
import type { TraceApi } from './trace-api';

export type WorkerApi = FileApi & ProfileApi & CompareApi & GoroutineApi & TraceApi & TimelineApi & ExportApi & PodsApi & SourceApi;

export type Method = keyof WorkerApi;
export type Params<M extends Method> = Parameters<WorkerApi[M]>[0];
export type Result<M extends Method> = ReturnType<WorkerApi[M]>;
