/** The worker's answers to the file calls: open (bytes → FileInfo) and close. */
import { cpuSamplesProfile } from '../analysis/trace';
import { OpenError, openBytes, type TraceReaderThread } from '../formats/open';
import { warmCompareCandidates } from './compare-warm';
import type { Handlers, RequestContext } from './context';
import type { FileApi, OpenFileRequest } from './file-api';
import { summarize } from './summary';
import type { FileId, FileInfo } from './types';

/** The reader half of a piped trace parse, on a thread of its own; null where workers cannot start workers. */
function startTraceReader(): TraceReaderThread | null {
  if (typeof Worker === 'undefined') return null;
  const w = new Worker(new URL('./trace-reader.ts', import.meta.url), { type: 'module', name: 'trace reader' });
  return { port: w, stop: () => w.terminate() };
}

export const fileHandlers = {
  async openFile(p: OpenFileRequest, { session, signal, progress }: RequestContext): Promise<FileInfo> {
    const base = { id: p.id, name: p.name, size: p.bytes.byteLength };
    try {
      const opened = await openBytes(new Uint8Array(p.bytes), { onProgress: progress, signal, startTraceReader });
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
