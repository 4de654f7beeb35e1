/**
 * The builder half of a piped parse: lends the trace's bytes to a reader thread
 * (reader-side.ts), builds the model from the rows it sends back, and gets the bytes back
 * at the end. With two cores the reading and the building overlap, so the parse takes
 * about as long as the slower half instead of both. Given a timeline thread
 * (timeline-side.ts), each batch goes on to it once read here, and comes back from it to
 * the reader; the parse then ends once the timeline is built too.
 */
import type { TimelineModel } from '../../../model/timeline';
import { TraceSymbols, type SymbolDelta, type TraceModel } from '../../../model/trace';
import { TraceModelBuilder, modelFromScan } from '../build/builder';
import { traceVersion } from '../header';
import { ParseError } from '../../parse-error';
import { type ScanOptions, cancelledError } from '../scan';
import { type FromReader, type FromTimeline, type PipePort, type RowBatch, type ToReader, type ToTimeline, batchBuffers, newBatch } from './protocol';

export interface PipedTrace {
  model: TraceModel;
  /** The file's bytes, handed back by the reader (the input's buffer is detached). */
  bytes: Uint8Array;
}

/** The reader never started: the bytes were not lent, so the caller can parse them itself. */
export class ReaderUnavailableError extends Error {
  constructor(detail: string) {
    super(`trace reader thread unavailable: ${detail}`);
    this.name = 'ReaderUnavailableError';
  }
}

export interface PipedOptions extends ScanOptions {
  /** A thread serving serveTimelineBuilder, and the floor to build with. */
  timeline?: { port: PipePort; floorNs: number };
}

/**
 * Parses `bytes` with the reader on the other end of `port` (serveTraceReader). Once the
 * reader is ready, the buffer under `bytes` is transferred to it; on success the bytes
 * come back in the result. The caller owns the threads and ends them after. A timeline
 * thread that fails leaves the model without a timeline (built on first use instead).
 */
export async function parseTracePiped(bytes: Uint8Array, port: PipePort, opts: PipedOptions = {}): Promise<PipedTrace> {
  const version = traceVersion(bytes);
  const syms = new TraceSymbols();
  const builder = new TraceModelBuilder(syms);
  const timeline = opts.timeline ? new TimelineRelay(opts.timeline.port, opts.timeline.floorNs, (rows) => free(rows)) : null;
  const { byteOffset: offset, length } = bytes;
  const free = (rows: RowBatch) => {
    const back: ToReader = { t: 'free', rows };
    port.postMessage(back, batchBuffers(rows));
  };
  let lent = false;
  return new Promise((resolve, reject) => {
    const watchesErrors = port.onerror !== undefined;
    const detach = () => {
      port.onmessage = null;
      if (watchesErrors) port.onerror = null;
    };
    const stop = (err: unknown) => {
      detach();
      timeline?.detach();
      reject(err);
    };
    if (watchesErrors) {
      port.onerror = (e) => stop(lent ? new Error(`trace reader thread failed: ${e.message}`) : new ReaderUnavailableError(e.message || 'it did not start'));
    }
    port.onmessage = (e: MessageEvent) => {
      const m = e.data as FromReader;
      try {
        if (opts.signal?.aborted) return stop(cancelledError());
        switch (m.t) {
          case 'ready': {
            const start: ToReader = { t: 'start', buffer: bytes.buffer as ArrayBuffer, offset, length };
            lent = true;
            port.postMessage(start, [bytes.buffer as ArrayBuffer]);
            break;
          }
          case 'rows': {
            syms.applyDelta(m.syms);
            builder.consume(m.rows, m.len);
            if (timeline) timeline.pass(m.rows, m.len, m.syms);
            else free(m.rows);
            break;
          }
          case 'progress':
            opts.onProgress?.(m.done, m.total);
            break;
          case 'end': {
            detach();
            const model = modelFromScan(builder, m.result, version, length);
            const back = new Uint8Array(m.buffer, offset, length);
            if (!timeline) return resolve({ model, bytes: back });
            void timeline.finish().then((tl) => {
              model.timeline = tl;
              resolve({ model, bytes: back });
            });
            break;
          }
          case 'failed':
            stop(m.offset === undefined ? new Error(m.message) : new ParseError(m.message, m.offset));
            break;
        }
      } catch (err) {
        stop(err);
      }
    };
  });
}

/**
 * The builder's side of the timeline thread: hands batches on and returns them to the
 * reader as they come back. If the thread fails, the batches it held are replaced by new
 * ones, so the reader never waits for them, and the timeline is null.
 */
class TimelineRelay {
  private held = 0;
  private failed = false;
  private done: ((tl: TimelineModel | null) => void) | null = null;
  private result: TimelineModel | null | undefined = undefined;
  private readonly watchesErrors: boolean;

  constructor(
    private readonly port: PipePort,
    floorNs: number,
    private readonly free: (rows: RowBatch) => void,
  ) {
    this.watchesErrors = port.onerror !== undefined;
    port.onmessage = (e: MessageEvent) => {
      const m = e.data as FromTimeline;
      if (m.t === 'done') {
        this.held--;
        free(m.rows);
      } else if (m.t === 'timeline') this.settle(m.timeline);
      else this.fail();
    };
    if (this.watchesErrors) port.onerror = () => this.fail();
    this.send({ t: 'start', floorNs });
  }

  private send(m: ToTimeline, transfer: Transferable[] = []): void {
    this.port.postMessage(m, transfer);
  }

  pass(rows: RowBatch, len: number, syms: SymbolDelta): void {
    if (this.failed) return this.free(rows);
    this.held++;
    this.send({ t: 'rows', rows, len, syms }, [...batchBuffers(rows), ...TraceSymbols.transferables(syms)]);
  }

  /** The timeline, once every batch is in (null if the thread failed). */
  finish(): Promise<TimelineModel | null> {
    if (this.result !== undefined) return Promise.resolve(this.result);
    this.send({ t: 'finish' });
    return new Promise((resolve) => (this.done = resolve));
  }

  detach(): void {
    this.port.onmessage = null;
    if (this.watchesErrors) this.port.onerror = null;
  }

  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    for (; this.held > 0; this.held--) this.free(newBatch());
    this.settle(null);
  }

  private settle(tl: TimelineModel | null): void {
    this.result = tl;
    this.detach();
    this.done?.(tl);
  }
}
