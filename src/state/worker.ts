/** The one worker of the page, started on first use. */
import { startWorker, type WorkerClient } from '../worker/client';

let client: WorkerClient | null = null;

export function worker(): WorkerClient {
  client ??= startWorker();
  return client;
}
