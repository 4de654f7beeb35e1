/// <reference lib="webworker" />
/** The worker's message loop: routes requests to handlers and reports progress. */
import type { FromWorker, Method, Params, Result, ToWorker } from './api';
import { flame, labels, openFile, search, top } from './handlers';
import { comparablePairs, diffFlame, diffTop, seriesRank } from './compare-handlers';
import * as goroutines from './goroutine-handlers';
import {
  openDerived,
  openSnapshot,
  traceCreation,
  traceGoroutines,
  traceGroups,
  traceHeap,
  traceProfiles,
  traceSnapshot,
  traceSnapshotDelta,
  traceSummary,
  traceTasks,
} from './trace-handlers';
import { Session } from './session';

const session = new Session();
/** Cancellation flags of the files being opened; a parse checks its flag between chunks. */
const opening = new Map<number, { aborted: boolean }>();
const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

type Handlers = { [M in Method]: (p: Params<M>) => Result<M> | Promise<Result<M>> };

const handlers: Handlers = {
  openFile: async (p) => {
    let last = 0;
    const signal = { aborted: false };
    opening.set(p.id, signal);
    try {
      return await openFile(
        session,
        p,
        (phase, done, total) => {
          // A progress message per ~1% is plenty for a progress bar.
          if (done !== total && done - last < total / 100) return;
          last = done;
          post({ type: 'progress', file: p.id, done, total, phase });
        },
        signal,
      );
    } finally {
      opening.delete(p.id);
    }
  },
  closeFile: (p) => session.remove(p.id),
  flame: (p) => flame(session, p),
  top: (p) => top(session, p),
  search: (p) => search(session, p),
  labels: (p) => labels(session, p),
  diffTop: (p) => diffTop(session, p),
  diffFlame: (p) => diffFlame(session, p),
  seriesRank: (p) => seriesRank(session, p),
  comparablePairs: (p) => comparablePairs(session, p),
  goroutineOverview: (p) => goroutines.goroutineOverview(session, p),
  goroutineGroups: (p) => goroutines.goroutineGroups(session, p),
  goroutineStack: (p) => goroutines.goroutineStack(session, p),
  goroutineCreators: (p) => goroutines.goroutineCreators(session, p),
  goroutinePairs: (p) => goroutines.goroutinePairs(session, p),
  goroutineCompare: (p) => goroutines.goroutineCompare(session, p),
  goroutineLeaks: (p) => goroutines.goroutineLeaks(session, p),
  traceSummary: (p) => traceSummary(session, p),
  traceGroups: (p) => traceGroups(session, p),
  traceGoroutines: (p) => traceGoroutines(session, p),
  traceCreation: (p) => traceCreation(session, p),
  traceProfiles: (p) => traceProfiles(session, p),
  openDerived: (p) => openDerived(session, p),
  openSnapshot: (p) => openSnapshot(session, p),
  // The replay can take seconds: its progress goes out under the trace's id (phase "snapshot").
  traceSnapshot: (p) => traceSnapshot(session, p, (done, total) => post({ type: 'progress', file: p.file, done, total, phase: 'snapshot' })),
  traceSnapshotDelta: (p) => traceSnapshotDelta(session, p),
  traceHeap: (p) => traceHeap(session, p),
  traceTasks: (p) => traceTasks(session, p),
};

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    const signal = opening.get(msg.file);
    if (signal) signal.aborted = true;
    return;
  }
  try {
    const run = handlers[msg.method] as (p: unknown) => unknown;
    post({ type: 'result', seq: msg.seq, result: await run(msg.params) });
  } catch (err) {
    post({ type: 'error', seq: msg.seq, message: (err as Error).message ?? String(err) });
  }
};
