/**
 * The timeline half of a piped parse, run in its own thread: builds the timeline from the
 * batches the model builder hands on, with a replica of the reader's symbols, and sends
 * the finished timeline back by transfer. With a third core the timeline is built while
 * the model is, and is ready when the goroutine table is.
 */
import { timelineBuffers } from '../../../model/timeline';
import { TraceSymbols } from '../../../model/trace';
import { TimelineBuilder } from '../build/timeline-builder';
import { type FromTimeline, type PipePort, type ToTimeline, batchBuffers } from './protocol';

/** Serves one timeline build on `port` (a worker's global scope, or a MessagePort). */
export function serveTimelineBuilder(port: PipePort): void {
  const syms = new TraceSymbols();
  let builder: TimelineBuilder | null = null;
  const post = (m: FromTimeline, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  port.onmessage = (e: MessageEvent) => {
    const m = e.data as ToTimeline;
    try {
      switch (m.t) {
        case 'start':
          builder = new TimelineBuilder(syms, { floorNs: m.floorNs });
          break;
        case 'rows':
          syms.applyDelta(m.syms);
          builder?.consume(m.rows, m.len);
          post({ t: 'done', rows: m.rows }, batchBuffers(m.rows));
          break;
        case 'finish': {
          const timeline = builder?.build();
          if (!timeline) throw new Error('finished before it started');
          post({ t: 'timeline', timeline }, timelineBuffers(timeline));
          break;
        }
      }
    } catch (err) {
      post({ t: 'failed', message: (err as Error).message });
      port.onmessage = null;
    }
  };
}
