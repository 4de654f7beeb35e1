/** Every feature's handlers in one object: what the worker entry dispatches to. */
import type { WorkerApi } from './api';
import { compareHandlers } from './compare-handlers';
import type { Handlers } from './context';
import { exportHandlers } from './export-handlers';
import { fileHandlers } from './file-handlers';
import { goroutineHandlers } from './goroutine-handlers';
import { podsHandlers } from './pods-handlers';
import { profileHandlers } from './profile-handlers';
import { sourceHandlers } from './source-handlers';
import { timelineHandlers } from './timeline-handlers';
import { traceHandlers } from './trace-handlers';
import { traceSnapshotHandlers } from './trace-snapshot-handlers';

export const handlers = {
  ...fileHandlers,
  ...profileHandlers,
  ...compareHandlers,
  ...goroutineHandlers,
  ...traceHandlers,
  ...traceSnapshotHandlers,
  ...timelineHandlers,
  ...exportHandlers,
  ...podsHandlers,
  ...sourceHandlers,
} satisfies Handlers<WorkerApi>;
