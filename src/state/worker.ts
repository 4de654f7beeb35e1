/** The one worker of the page, started on first use (and replaceable in tests). */
import { startWorker, type WorkerClient } from '../worker/client';

let client: WorkerClient | null = null;

export function worker(): WorkerClient {
  client ??= startWorker();
  return client;
}

export function setWorkerForTests(c: WorkerClient | null): void {
  client = c;
}
