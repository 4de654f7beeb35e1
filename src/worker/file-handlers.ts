/** The worker's answers to the file calls: open (bytes → FileInfo) and close. */
import { archiveFormat } from '../formats/archive/format';
import type { TraceThread } from '../formats/open';
import { openArchive } from './archive-open';
import type { Handlers, RequestContext } from './context';
import type { FileApi, OpenFileRequest } from './file-api';
import { openOne } from './open-one';
import type { FileId, FileInfo } from './types';

/**
 * A thread of a piped trace parse (its reader, or its timeline builder); null where workers
 * cannot start workers. The timeline gets a thread of its own only with a core for it: on
 * two cores a third busy thread slows the goroutine table by about 1.4× (measured on the
 * 200 MB bench trace), so there the timeline is built on first use instead.
 */
function traceThreads(cores: number): (role: 'reader' | 'timeline') => TraceThread | null {
  return (role) => {
    if (typeof Worker === 'undefined' || (role === 'timeline' && cores < 3)) return null;
    // Literal URLs, one per entry, so the bundler finds and builds both.
    const w =
      role === 'reader'
        ? new Worker(new URL('./trace-reader.ts', import.meta.url), { type: 'module', name: 'trace reader' })
        : new Worker(new URL('./timeline-thread.ts', import.meta.url), { type: 'module', name: 'trace timeline' });
    return { port: w, stop: () => w.terminate() };
  };
}

export const fileHandlers = {
  async openFile(p: OpenFileRequest, ctx: RequestContext): Promise<FileInfo> {
    const bytes = new Uint8Array(p.bytes);
    const startTraceThread = traceThreads(p.cores ?? 2);
    const format = archiveFormat(bytes);
    if (format) return openArchive({ id: p.id, name: p.name, bytes, format }, ctx, { startTraceThread });
    return openOne(ctx.session, { id: p.id, name: p.name, size: p.bytes.byteLength }, bytes, {
      onProgress: ctx.progress,
      signal: ctx.signal,
      startTraceThread,
    });
  },

  closeFile(p: { id: FileId }, { session }: RequestContext): void {
    session.remove(p.id);
  },
} satisfies Handlers<FileApi>;
