/** The worker's answers to the file calls: open (bytes → FileInfo) and close. */
import { cpuSamplesProfile } from '../analysis/trace';
import { OpenError, openBytes, type TraceThread } from '../formats/open';
import { warmCompareCandidates } from './compare-warm';
import type { Handlers, RequestContext } from './context';
import type { FileApi, OpenFileRequest } from './file-api';
import { summarize } from './summary';
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
  async openFile(p: OpenFileRequest, { session, signal, progress }: RequestContext): Promise<FileInfo> {
    const base = { id: p.id, name: p.name, size: p.bytes.byteLength };
    try {
      const opened = await openBytes(new Uint8Array(p.bytes), { onProgress: progress, signal, startTraceThread: traceThreads(p.cores ?? 2) });
      const model = opened.trace?.model;
      // A trace's CPU samples are its flame graph; its other profiles come from the trace view.
      const profile = model ? (model.summary.cpuSamples > 0 ? cpuSamplesProfile(model) : undefined) : opened.profile;
      const info: FileInfo = { ...base, kind: opened.kind, warnings: opened.warnings, profile: profile ? summarize(profile) : undefined };
      session.add({ info, profile, goroutines: opened.goroutines, trace: opened.trace });
      warmCompareCandidates(session, p.id);
      return info;
    } catch (e) {
      if (!(e instanceof OpenError) || signal.aborted) throw e;
      const info: FileInfo = { ...base, kind: e.kind, warnings: [], error: e.message };
      session.add({ info });
      return info;
    }
  },

  closeFile(p: { id: FileId }, { session }: RequestContext): void {
    session.remove(p.id);
  },
} satisfies Handlers<FileApi>;
