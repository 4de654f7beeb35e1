/**
 * The builder half of a piped parse: lends the trace's bytes to a reader thread
 * (reader-side.ts), builds the model from the rows it sends back, and gets the bytes back
 * at the end. With two cores the reading and the building overlap, so the parse takes
 * about as long as the slower half instead of both.
 */
import { TraceSymbols, type TraceModel } from '../../../model/trace';
import { TraceModelBuilder, modelFromScan } from '../build/builder';
import { traceVersion } from '../header';
import { type ScanOptions, cancelledError } from '../scan';
import { type FromReader, type PipePort, type ToReader, batchBuffers } from './protocol';

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

/**
 * Parses `bytes` with the reader on the other end of `port` (serveTraceReader). Once the
 * reader is ready, the buffer under `bytes` is transferred to it; on success the bytes
 * come back in the result. The caller owns the reader's thread and ends it after.
 */
export async function parseTracePiped(bytes: Uint8Array, port: PipePort, opts: ScanOptions = {}): Promise<PipedTrace> {
  const version = traceVersion(bytes);
  const syms = new TraceSymbols();
  const builder = new TraceModelBuilder(syms);
  const { byteOffset: offset, length } = bytes;
  let lent = false;
  return new Promise((resolve, reject) => {
    const watchesErrors = port.onerror !== undefined;
    const detach = () => {
      port.onmessage = null;
      if (watchesErrors) port.onerror = null;
    };
    const stop = (err: unknown) => {
      detach();
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
            const back: ToReader = { t: 'free', rows: m.rows };
            port.postMessage(back, batchBuffers(m.rows));
            break;
          }
          case 'progress':
            opts.onProgress?.(m.done, m.total);
            break;
          case 'end':
            detach();
            resolve({ model: modelFromScan(builder, m.result, version, length), bytes: new Uint8Array(m.buffer, offset, length) });
            break;
          case 'failed':
            stop(new Error(m.message));
            break;
        }
      } catch (err) {
        stop(err);
      }
    };
  });
}
