/**
 * The Web APIs the headless core (formats, model, analysis) may use: browsers and Node ≥ 18
 * both have them as globals. tsconfig.core.json compiles the core against these instead of
 * the DOM library, so a browser-only API there fails to compile; tsconfig.json, which has
 * the DOM library, leaves this file out.
 */

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class DecompressionStream {
  constructor(format: 'gzip' | 'deflate' | 'deflate-raw');
  readonly writable: {
    getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> };
  };
  readonly readable: ReadableStream<Uint8Array>;
}

declare const performance: { now(): number };

declare function setTimeout(callback: () => void, ms?: number): unknown;

/** Used only to yield a macrotask: a message to oneself. */
declare class MessageChannel {
  readonly port1: { onmessage: (() => void) | null; close(): void };
  readonly port2: { postMessage(message: unknown): void };
}

/** What the piped trace reader (formats/gotrace/pipe) sees of a worker or a MessagePort. */
interface MessageEvent {
  readonly data: any; // as the DOM declares it
}
interface ErrorEvent {
  readonly message: string;
}
type Transferable = ArrayBuffer;

/** Web Streams, as far as the archive readers (formats/archive) use them. */
declare class ReadableStream<R = any> {
  constructor(source: { pull(controller: { enqueue(chunk: R): void; close(): void }): void });
  pipeThrough<T>(transform: { writable: unknown; readable: ReadableStream<T> }): ReadableStream<T>;
  getReader(): { read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>; cancel(reason?: unknown): Promise<void> };
  cancel(reason?: unknown): Promise<void>;
}
declare class WritableStream<W = any> {
  constructor(sink: { write(chunk: W): void | Promise<void> });
}
