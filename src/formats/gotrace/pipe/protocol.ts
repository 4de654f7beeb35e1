/**
 * Messages between the threads of a piped trace parse: a reader thread decodes and orders
 * events (reader-side.ts) and sends them, in batches of rows, to the thread that builds the
 * model (builder-side.ts), which hands each batch on to a timeline thread when there is
 * one (timeline-side.ts). Batches travel by transfer and come back empty, so a few buffers
 * are reused for the whole trace; between its slices of work the reader waits while
 * IN_FLIGHT or more are out, so the queues stay short.
 */
import type { TimelineModel } from '../../../model/timeline';
import type { SymbolDelta } from '../../../model/trace';
import { type EventRows, newRows } from '../events';
import type { ScanResult } from '../scan';

/** What both a Web Worker (or its global scope) and a MessagePort offer. */
export interface PipePort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  /** A Worker's: fires when its script cannot load or throws. */
  onerror?: ((e: ErrorEvent) => void) | null;
}

/** Rows per batch: ~1.7 MB of columns, about 3 ms of work for the builder. */
export const BATCH_ROWS = 32768;
/** Batches out (sent, not yet back) at which the reader waits after its slice of work. */
export const IN_FLIGHT = 12;

export type RowBatch = EventRows;

export function newBatch(): RowBatch {
  return newRows(BATCH_ROWS);
}

export function batchBuffers(b: RowBatch): ArrayBuffer[] {
  return [b.kind.buffer as ArrayBuffer, b.time.buffer as ArrayBuffer, b.f.buffer as ArrayBuffer, b.n.buffer as ArrayBuffer];
}

/**
 * Builder → reader. The file's buffer is lent to the reader once it says it is ready
 * (so a reader that never starts costs nothing), and handed back at the end.
 */
export type ToReader =
  | { t: 'start'; buffer: ArrayBuffer; offset: number; length: number }
  | { t: 'free'; rows: RowBatch };

/** Reader → builder. `syms` carries what was interned since the previous batch. */
export type FromReader =
  | { t: 'ready' }
  | { t: 'rows'; rows: RowBatch; len: number; syms: SymbolDelta }
  | { t: 'progress'; done: number; total: number }
  | { t: 'end'; result: ScanResult; buffer: ArrayBuffer }
  | { t: 'failed'; message: string; /** Where in the trace, for a ParseError. */ offset?: number; buffer: ArrayBuffer };

/** Builder → timeline thread: the same batches and symbols, after the model has read them. */
export type ToTimeline =
  | { t: 'start'; floorNs: number }
  | { t: 'rows'; rows: RowBatch; len: number; syms: SymbolDelta }
  | { t: 'finish' };

/** Timeline thread → builder: each batch back once read, then the timeline. */
export type FromTimeline = { t: 'done'; rows: RowBatch } | { t: 'timeline'; timeline: TimelineModel } | { t: 'failed'; message: string };
