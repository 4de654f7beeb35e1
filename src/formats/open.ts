/**
 * Bytes → everything known about one file: sniff, inflate, pick the parser, and read a
 * large trace on a second thread when the caller can start one. The app's worker, the
 * tests and the benches open files through this one function. Errors name what the file
 * seemed to be and what is wrong with it.
 */
import type { FileKind } from '../model/file-kind';
import type { Profile } from '../model/profile';
import { parseFolded } from './folded/parse';
import { ParseError } from './parse-error';
import { gunzip, type ProgressFn } from './gzip';
import { decodePprof } from './pprof/decode';
import { classifyPprof } from './pprof/kind';
import { sniff } from './sniff';
import { parseGoroutineText } from './goroutine-text';
import { parsePprofText } from './pprof-text';
import { LEGACY_NAMES, parseLegacy } from './legacy';
import type { GoroutineDump } from '../model/goroutines';
import type { TraceModel } from '../model/trace';
import { ReaderUnavailableError, loadTimelineFloor, parseTraceAsync, parseTracePiped } from './gotrace';
import type { PipePort } from './gotrace/pipe/protocol';

export interface OpenedFile {
  kind: FileKind;
  /** The profile the file is (for a trace: none; its profiles are derived from the model). */
  profile?: Profile;
  /** Per-goroutine records (states, waits, created-by) when the file has them. */
  goroutines?: GoroutineDump;
  /** An execution trace's model, and its bytes (replayed for snapshots at an instant). */
  trace?: { model: TraceModel; bytes: Uint8Array };
  warnings: string[];
}

/**
 * A failure that still knows what the file looked like, for the file list, and where in
 * the file the problem is (see ParseError: bytes after inflating; a line for text).
 */
export class OpenError extends Error {
  readonly offset: number | undefined;
  readonly line: number | undefined;
  /**
   * `cause`: the parser's own error, kept so a bug (a TypeError, a RangeError) can be told
   * from a bad file; its place, when it is a ParseError, is the file's. `offset`: the place
   * of a refusal made here (0: the file's first bytes decided it).
   */
  constructor(
    readonly kind: FileKind,
    message: string,
    cause?: unknown,
    offset?: number,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'OpenError';
    const at = cause instanceof ParseError ? cause : null;
    this.offset = at ? at.offset : offset;
    this.line = at?.line;
  }
}

/**
 * Another thread for a large trace (a Web Worker or a worker_threads port): the reader
 * (pipe/reader-side.ts) or the timeline builder (pipe/timeline-side.ts).
 */
export interface TraceThread {
  port: PipePort;
  stop(): void;
}

export interface OpenOptions {
  inflateCap?: number;
  /** Starts a thread for a large trace; without it, or when it returns null, one thread does all. */
  startTraceThread?: (role: 'reader' | 'timeline') => TraceThread | null;
  /** Set `aborted` to stop a long parse (checked between chunks of work). */
  signal?: { aborted: boolean };
  onProgress?: (phase: string, done: number, total: number) => void;
}

const UNKNOWN: FileKind = { kind: 'unknown' };

export async function openBytes(bytes: Uint8Array, opts: OpenOptions = {}): Promise<OpenedFile> {
  const first = sniff(bytes);
  let data = bytes;
  let gzipped = false;
  if (first.as === 'gzip') {
    const progress: ProgressFn = (d, t) => opts.onProgress?.('decompressing', d, t);
    try {
      data = await gunzip(bytes, { cap: opts.inflateCap, onProgress: progress, signal: opts.signal });
    } catch (e) {
      throw new OpenError(UNKNOWN, `gzip file: ${(e as Error).message}`, e, 0);
    }
    gzipped = true;
  }
  const s = gzipped ? sniff(data) : first;
  const parseProgress = (d: number, t: number) => opts.onProgress?.('parsing', d, t);
  switch (s.as) {
    case 'empty':
      throw new OpenError(UNKNOWN, gzipped ? 'the gzip stream holds no data' : 'the file is empty', undefined, 0);
    case 'gzip':
      throw new OpenError(UNKNOWN, 'gzip inside gzip is not supported', undefined, 0);
    case 'pprof': {
      let profile: Profile;
      try {
        profile = decodePprof(data, parseProgress);
      } catch (e) {
        throw new OpenError({ kind: 'pprof', profile: 'other' }, `pprof profile: ${(e as Error).message}`, e);
      }
      const warnings = profile.pruneError ? [`drop_frames not applied: ${profile.pruneError}`] : [];
      return { kind: { kind: 'pprof', profile: classifyPprof(profile) }, profile, warnings };
    }
    case 'folded': {
      try {
        const { profile, warnings } = parseFolded(data);
        return { kind: { kind: 'folded' }, profile, warnings };
      } catch (e) {
        throw new OpenError({ kind: 'folded' }, `collapsed stacks: ${(e as Error).message}`, e);
      }
    }
    case 'trace':
      return await openTrace(data, s.version, parseProgress, opts);
    case 'goroutine-text':
      return openGoroutineText(data, s.form, parseProgress);
    case 'pprof-text': {
      try {
        const { profile, kind, warnings } = parsePprofText(data, s.form, parseProgress);
        return { kind: { kind: 'pprof', profile: kind, text: true }, profile, warnings };
      } catch (e) {
        throw new OpenError({ kind: 'pprof', profile: 'other', text: true }, `text profile (debug=1): ${(e as Error).message}`, e);
      }
    }
    case 'legacy': {
      try {
        const { profile, kind, warnings } = parseLegacy(data, s.form, parseProgress);
        return { kind: { kind: 'pprof', profile: kind, legacy: LEGACY_NAMES[s.form] }, profile, warnings };
      } catch (e) {
        throw new OpenError({ kind: 'pprof', profile: 'other', legacy: LEGACY_NAMES[s.form] }, `${LEGACY_NAMES[s.form]}: ${(e as Error).message}`, e);
      }
    }
    case 'text':
      throw new OpenError(
        UNKNOWN,
        'a text file that is not a goroutine dump, not a debug=1 text profile (heap, allocs, mutex, block, ' +
          'threadcreate) and not collapsed stacks ("frame;frame;… count" lines)',
        undefined,
        0,
      );
    case 'binary':
      throw new OpenError(
        UNKNOWN,
        'not a recognised format: not gzip, not a pprof protobuf, not a Go execution trace, not text',
        undefined,
        0,
      );
  }
}

async function openTrace(bytes: Uint8Array, version: number, onProgress: ProgressFn, opts: OpenOptions): Promise<OpenedFile> {
  const kind: FileKind = { kind: 'trace', goVersion: `1.${version}` };
  try {
    const { model, bytes: data } = await parseTraceOnThreeThreads(bytes, onProgress, opts);
    return {
      kind: { kind: 'trace', goVersion: model.summary.goVersion },
      trace: { model, bytes: data },
      warnings: model.summary.warnings.map((w) => w.message),
    };
  } catch (e) {
    throw new OpenError(kind, `execution trace: ${(e as Error).message}`, e);
  }
}

/** Below this size a second thread costs more to start than it saves. */
const PIPE_MIN_BYTES = 4 << 20;

/**
 * A large trace is read (decoded, ordered) on a second thread while this one builds the
 * model and a third its timeline (where the timeline's floor can be told up front; else
 * it is built on first use); otherwise, or when no reader can be started, it is parsed
 * here in slices, so the caller stays able to take a cancel, or another file, between them.
 */
async function parseTraceOnThreeThreads(
  data: Uint8Array,
  onProgress: ProgressFn,
  opts: OpenOptions,
): Promise<{ model: TraceModel; bytes: Uint8Array }> {
  const reader = data.length >= PIPE_MIN_BYTES ? opts.startTraceThread?.('reader') : null;
  if (reader) {
    const floorNs = loadTimelineFloor(data);
    const timeline = floorNs === undefined ? null : opts.startTraceThread?.('timeline');
    try {
      return await parseTracePiped(data, reader.port, {
        onProgress,
        signal: opts.signal,
        timeline: timeline && floorNs !== undefined ? { port: timeline.port, floorNs } : undefined,
      });
    } catch (e) {
      if (!(e instanceof ReaderUnavailableError)) throw e;
    } finally {
      reader.stop();
      timeline?.stop();
    }
  }
  return { model: await parseTraceAsync(data, { onProgress, signal: opts.signal, timeline: true }), bytes: data };
}

function openGoroutineText(data: Uint8Array, form: 'debug=1' | 'debug=2', onProgress: ProgressFn): OpenedFile {
  const kind: FileKind = { kind: 'goroutine-dump', form };
  try {
    const r = parseGoroutineText(data, onProgress);
    return { kind: { kind: 'goroutine-dump', form: r.form }, profile: r.profile, goroutines: r.dump ?? undefined, warnings: r.warnings };
  } catch (e) {
    throw new OpenError(kind, `goroutine dump: ${(e as Error).message}`, e);
  }
}
