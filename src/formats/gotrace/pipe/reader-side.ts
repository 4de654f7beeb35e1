/**
 * The reader half of a piped parse, run in its own thread: decodes and orders the trace
 * and sends the ordered rows, with the symbols they use, to the builder half.
 */
import { TraceSymbols, type SymbolDelta, type SymbolMark } from '../../../model/trace';
import type { EventConsumer, EventRows } from '../events';
import { createScanner } from '../scanner';
import { BATCH_ROWS, IN_FLIGHT, type FromReader, type PipePort, type RowBatch, type ToReader, batchBuffers, newBatch } from './protocol';
import { ParseError } from '../../parse-error';

/** Work between looks at the returned batches (and at the progress clock). */
const SLICE_MS = 20;

/**
 * Takes the reader's full chunks of rows as they are (the rows are written straight into
 * a batch's arrays, never copied) and sends each one, with the symbols interned since the
 * previous one.
 */
class RowPacker implements EventConsumer {
  private free: RowBatch[] = [];
  private mark: SymbolMark;
  inFlight = 0;
  private wake: (() => void) | null = null;
  readonly takesRows = { chunk: BATCH_ROWS, take: (rows: EventRows, n: number) => this.send(rows, n) };

  constructor(
    private readonly syms: TraceSymbols,
    private readonly post: (rows: RowBatch, len: number, delta: SymbolDelta) => void,
  ) {
    this.mark = syms.mark();
  }

  consume(): void {
    throw new Error('RowPacker takes whole chunks');
  }

  private send(rows: RowBatch, len: number): RowBatch {
    const delta = this.syms.deltaSince(this.mark);
    this.mark = this.syms.mark();
    this.inFlight++;
    this.post(rows, len, delta);
    return this.free.pop() ?? newBatch();
  }

  giveBack(rows: RowBatch): void {
    this.inFlight--;
    this.free.push(rows);
    this.wake?.();
  }

  /** Resolves once fewer than IN_FLIGHT batches are out. */
  async roomToSend(): Promise<void> {
    while (this.inFlight >= IN_FLIGHT) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = null;
  }
}

/** Serves one parse on `port` (a worker's global scope, or a MessagePort). */
export function serveTraceReader(port: PipePort): void {
  let packer: RowPacker | null = null;
  const post = (m: FromReader, transfer: Transferable[] = []) => port.postMessage(m, transfer);
  port.onmessage = (e: MessageEvent) => {
    const m = e.data as ToReader;
    if (m.t === 'free') packer?.giveBack(m.rows);
    else if (m.t === 'start') void read(m.buffer, m.offset, m.length);
  };
  post({ t: 'ready' });

  async function read(buffer: ArrayBuffer, offset: number, length: number): Promise<void> {
    const syms = new TraceSymbols();
    const p = new RowPacker(syms, (rows, len, delta) =>
      post({ t: 'rows', rows, len, syms: delta }, [...batchBuffers(rows), ...TraceSymbols.transferables(delta)]),
    );
    packer = p;
    try {
      const s = createScanner(new Uint8Array(buffer, offset, length), p, syms, {
        onProgress: (done, total) => post({ t: 'progress', done, total }),
      });
      while (!s.run(performance.now() + SLICE_MS)) await p.roomToSend();
      post({ t: 'end', result: s.result(), buffer }, [buffer]);
    } catch (err) {
      post({ t: 'failed', message: (err as Error).message, offset: err instanceof ParseError ? err.offset : undefined, buffer }, [buffer]);
    }
  }
}
