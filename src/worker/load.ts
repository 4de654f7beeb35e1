/**
 * Bytes → everything the worker keeps about one file. Errors name what the file
 * seemed to be and what is wrong with it; they never take the worker down.
 */
import type { FileKind } from '../model/file-kind';
import type { Profile } from '../model/profile';
import { parseFolded } from '../formats/folded/parse';
import { gunzip, type ProgressFn } from '../formats/gzip';
import { decodePprof } from '../formats/pprof/decode';
import { classifyPprof } from '../formats/pprof/kind';
import { sniff } from '../formats/sniff';
import { parseGoroutineText } from '../formats/goroutine-text';
import { parsePprofText } from '../formats/pprof-text';
import type { GoroutineDump } from '../model/goroutines';
import type { TraceModel } from '../model/trace';
import { ReaderUnavailableError, parseTraceAsync, parseTracePiped } from '../formats/gotrace';
import { cpuSamplesProfile } from '../analysis/trace';

export interface Loaded {
  kind: FileKind;
  profile?: Profile;
  /** Per-goroutine records (states, waits, created-by) when the file has them. */
  goroutines?: GoroutineDump;
  /** An execution trace's model, and its bytes (replayed for snapshots at an instant). */
  trace?: { model: TraceModel; bytes: Uint8Array };
  warnings: string[];
}

/** A failure that still knows what the file looked like, for the file list. */
export class LoadError extends Error {
  constructor(
    readonly kind: FileKind,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

export interface LoadOptions {
  inflateCap?: number;
  /** Set `aborted` to stop a long parse (checked between chunks of work). */
  signal?: { aborted: boolean };
  onProgress?: (phase: string, done: number, total: number) => void;
}

const UNKNOWN: FileKind = { kind: 'unknown' };

export async function loadFile(bytes: Uint8Array, opts: LoadOptions = {}): Promise<Loaded> {
  const first = sniff(bytes);
  let data = bytes;
  let gzipped = false;
  if (first.as === 'gzip') {
    const progress: ProgressFn = (d, t) => opts.onProgress?.('decompressing', d, t);
    try {
      data = await gunzip(bytes, { cap: opts.inflateCap, onProgress: progress, signal: opts.signal });
    } catch (e) {
      throw new LoadError(UNKNOWN, `gzip file: ${(e as Error).message}`);
    }
    gzipped = true;
  }
  const s = gzipped ? sniff(data) : first;
  const parseProgress = (d: number, t: number) => opts.onProgress?.('parsing', d, t);
  switch (s.as) {
    case 'empty':
      throw new LoadError(UNKNOWN, gzipped ? 'the gzip stream holds no data' : 'the file is empty');
    case 'gzip':
      throw new LoadError(UNKNOWN, 'gzip inside gzip is not supported');
    case 'pprof': {
      let profile: Profile;
      try {
        profile = decodePprof(data, parseProgress);
      } catch (e) {
        throw new LoadError({ kind: 'pprof', profile: 'other' }, `pprof profile: ${(e as Error).message}`);
      }
      const warnings = profile.pruneError ? [`drop_frames not applied: ${profile.pruneError}`] : [];
      return { kind: { kind: 'pprof', profile: classifyPprof(profile) }, profile, warnings };
    }
    case 'folded': {
      const text = new TextDecoder().decode(data);
      try {
        const { profile, warnings } = parseFolded(text);
        return { kind: { kind: 'folded' }, profile, warnings };
      } catch (e) {
        throw new LoadError({ kind: 'folded' }, `collapsed stacks: ${(e as Error).message}`);
      }
    }
    case 'trace':
      return await loadTrace(data, s.version, parseProgress, opts.signal);
    case 'goroutine-text':
      return loadGoroutineText(data, s.form, parseProgress);
    case 'pprof-text': {
      try {
        const { profile, kind, warnings } = parsePprofText(data, s.form, parseProgress);
        return { kind: { kind: 'pprof', profile: kind, text: true }, profile, warnings };
      } catch (e) {
        throw new LoadError({ kind: 'pprof', profile: 'other', text: true }, `text profile (debug=1): ${(e as Error).message}`);
      }
    }
    case 'text':
      throw new LoadError(
        UNKNOWN,
        'a text file that is not a goroutine dump, not a debug=1 text profile (heap, allocs, mutex, block, ' +
          'threadcreate) and not collapsed stacks ("frame;frame;… count" lines)',
      );
    case 'binary':
      throw new LoadError(
        UNKNOWN,
        'not a recognised format: not gzip, not a pprof protobuf, not a Go execution trace, not text',
      );
  }
}

async function loadTrace(
  bytes: Uint8Array,
  version: number,
  onProgress: ProgressFn,
  signal?: { aborted: boolean },
): Promise<Loaded> {
  const kind: FileKind = { kind: 'trace', goVersion: `1.${version}` };
  let model: TraceModel;
  let data = bytes;
  try {
    ({ model, bytes: data } = await parseTraceOnTwoThreads(data, onProgress, signal));
  } catch (e) {
    throw new LoadError(kind, `execution trace: ${(e as Error).message}`);
  }
  // The CPU samples recorded in the trace are its flame graph; other profiles come from the trace view.
  const profile = model.summary.cpuSamples > 0 ? cpuSamplesProfile(model) : undefined;
  return {
    kind: { kind: 'trace', goVersion: model.summary.goVersion },
    profile,
    trace: { model, bytes: data },
    warnings: model.summary.warnings.map((w) => w.message),
  };
}

/** Below this size a second thread costs more to start than it saves. */
const PIPE_MIN_BYTES = 4 << 20;

/**
 * A large trace is read (decoded, ordered) on a second thread while this one builds the
 * model; otherwise, or when no thread can be started, it is parsed here in slices, so the
 * worker stays able to take a cancel, or another file, between them.
 */
async function parseTraceOnTwoThreads(
  data: Uint8Array,
  onProgress: ProgressFn,
  signal?: { aborted: boolean },
): Promise<{ model: TraceModel; bytes: Uint8Array }> {
  if (data.length >= PIPE_MIN_BYTES && typeof Worker !== 'undefined') {
    const reader = new Worker(new URL('./trace-reader.ts', import.meta.url), { type: 'module', name: 'trace reader' });
    try {
      return await parseTracePiped(data, reader, { onProgress, signal });
    } catch (e) {
      if (!(e instanceof ReaderUnavailableError)) throw e;
    } finally {
      reader.terminate();
    }
  }
  return { model: await parseTraceAsync(data, { onProgress, signal }), bytes: data };
}

function loadGoroutineText(data: Uint8Array, form: 'debug=1' | 'debug=2', onProgress: ProgressFn): Loaded {
  const kind: FileKind = { kind: 'goroutine-dump', form };
  try {
    const r = parseGoroutineText(data, onProgress);
    return { kind: { kind: 'goroutine-dump', form: r.form }, profile: r.profile, goroutines: r.dump ?? undefined, warnings: r.warnings };
  } catch (e) {
    throw new LoadError(kind, `goroutine dump: ${(e as Error).message}`);
  }
}
