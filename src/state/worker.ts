/**
 * The one worker of the page, started on first use, and started again when it is lost:
 * it failed, or stopped answering (no message for SILENT_MS while calls were in flight).
 * Whoever holds files listens with `onWorkerLost` to reopen them in the new one.
 */
import { type LostCall, startWorker, type WorkerClient } from '../worker/client';

/**
 * Far above the worker's longest step without a progress report (grouping a million
 * goroutines takes about 3 s here), so only a worker that is stuck or gone gets there.
 */
const SILENT_MS = 20_000;

let client: WorkerClient | null = null;
const listeners: ((reason: string, calls: LostCall[]) => void)[] = [];

export function worker(): WorkerClient {
  client ??= startWorker({
    silentMs: SILENT_MS,
    onLost: (reason, calls) => {
      client = null;
      for (const l of listeners) l(reason, calls);
    },
  });
  return client;
}

export function onWorkerLost(listener: (reason: string, calls: LostCall[]) => void): void {
  listeners.push(listener);
}
