/**
 * The worker's request loop: runs each request with its own context (cancel flag, progress,
 * transfer list) and answers under its id. The app's worker serves its own global scope;
 * tests serve one end of a MessageChannel.
 */
import { readEntries } from './archive-open';
import { requestContext, type RequestContext } from './context';
import { handlers } from './handlers';
import type { FromWorker, ToWorker } from './protocol';
import { NotRead, Session } from './session';

/** What a worker's global scope and a MessagePort both offer. */
export interface RequestPort {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}

export function serveRequests(port: RequestPort, session = new Session()): void {
  /** Cancel flags of the requests still running. */
  const running = new Map<number, { aborted: boolean }>();
  const post = (m: FromWorker, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  port.onmessage = async (e) => {
    const msg = e.data;
    if (msg.type === 'cancel') {
      const signal = running.get(msg.id);
      if (signal) signal.aborted = true;
      return;
    }
    const { id } = msg;
    const signal = { aborted: false };
    running.set(id, signal);
    const newContext = () => requestContext(session, { signal, onProgress: (phase, done, total) => post({ type: 'progress', id, phase, done, total }) });
    let ctx = newContext();
    try {
      const run = handlers[msg.method] as (p: unknown, c: RequestContext) => unknown;
      let result: unknown;
      for (;;) {
        try {
          result = await run(msg.params, ctx);
          break;
        } catch (err) {
          if (!(err instanceof NotRead)) throw err;
          // Archive entries held as summaries: read them (one pass per archive) and ask again afresh.
          await readEntries(session, err.ids, ctx);
          ctx = newContext();
        }
      }
      if (signal.aborted) post({ type: 'error', id, message: msg.method, cancelled: true });
      else post({ type: 'result', id, result }, ctx.transfers);
    } catch (err) {
      post({ type: 'error', id, message: (err as Error).message ?? String(err), cancelled: signal.aborted });
    } finally {
      running.delete(id);
      // Never under another request's feet: it may be about to use what it had read.
      if (running.size === 0) session.letGoOfEntries();
    }
  };
}
