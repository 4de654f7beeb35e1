/**
 * The reader half of a piped parse, run in its own thread: decodes and orders the trace
 * and sends the ordered rows, with the symbols they use, to the builder half.
 */
import { TraceSymbols, type SymbolDelta, type SymbolMark } from '../../../model/trace';
import { type EventConsumer, type EventRows, F, N } from '../events';
import { createScanner } from '../scanner';
import { BATCH_ROWS, IN_FLIGHT, type FromReader, type PipePort, type RowBatch, type ToReader, batchBuffers, newBatch } from './protocol';

/** Work between looks at the returned batches (and at the progress clock). */
const SLICE_MS = 20;

/** Copies the reader's chunks into batches and sends each full one. */
class RowPacker implements EventConsumer {
  private free: RowBatch[] = [];
  private cur = newBatch();
  private len = 0;
  private mark: SymbolMark;
  inFlight = 0;
  private wake: (() => void) | null = null;

  constructor(
    private readonly syms: TraceSymbols,
    private readonly send: (rows: RowBatch, len: number, delta: SymbolDelta) => void,
  ) {
    this.mark = syms.mark();
  }

  consume(ev: EventRows, count: number): void {
    if (this.len + count > BATCH_ROWS) this.flush();
    const at = this.len;
    const c = this.cur;
    c.kind.set(ev.kind.subarray(0, count), at);
    c.time.set(ev.time.subarray(0, count), at);
    c.f.set(ev.f.subarray(0, count * F), at * F);
    c.n.set(ev.n.subarray(0, count * N), at * N);
    this.len = at + count;
  }

  flush(): void {
    if (this.len === 0) return;
    const delta = this.syms.deltaSince(this.mark);
    this.mark = this.syms.mark();
    this.inFlight++;
    this.send(this.cur, this.len, delta);
    this.cur = this.free.pop() ?? newBatch();
    this.len = 0;
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
      p.flush();
      post({ t: 'end', result: s.result(), buffer }, [buffer]);
    } catch (err) {
      post({ t: 'failed', message: (err as Error).message, buffer }, [buffer]);
    }
  }
}
