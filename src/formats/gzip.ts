/**
 * Bounded gzip inflation. A hostile file can inflate a thousandfold, so output is
 * counted as it is produced and the stream is abandoned at the cap.
 */
import { gzip as pakoGzip, Inflate } from 'pako';

export const DEFAULT_INFLATE_CAP = 2 * 1024 * 1024 * 1024;

export class InflateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InflateLimitError';
  }
}

/**
 * Real profiles and traces compress 3–30×; gzip cannot exceed ~1030×. Past this ratio
 * (once the output is big enough to matter) the stream is a bomb, and we stop early
 * instead of inflating up to the cap.
 */
const BOMB_RATIO = 200;
const BOMB_MIN_OUTPUT = 64 * 1024 * 1024;

/** Counts inflated bytes against the cap and the ratio to the compressed bytes fed so far. */
class OutputGuard {
  size = 0;
  constructor(
    private readonly cap: number,
    private readonly inputSize: number,
  ) {}

  add(n: number, inputFed: number): void {
    this.size += n;
    if (this.size > this.cap) {
      throw new InflateLimitError(`decompressed data exceeds the ${formatCap(this.cap)} limit (a gzip bomb, or a file too big to open here)`);
    }
    if (this.size > BOMB_MIN_OUTPUT && this.size > BOMB_RATIO * Math.min(this.inputSize, inputFed)) {
      throw new InflateLimitError(
        `refused: more than ${BOMB_RATIO}× expansion (${formatCap(this.size)} from ${formatSize(inputFed)} compressed) — a gzip bomb`,
      );
    }
  }
}

function formatSize(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / 1024).toFixed(0)} KiB`;
}

export function formatCap(cap: number): string {
  return cap >= 1 << 30 ? `${(cap / (1 << 30)).toFixed(cap % (1 << 30) ? 1 : 0)} GiB` : `${Math.round(cap / (1 << 20))} MiB`;
}

export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

export type ProgressFn = (done: number, total: number) => void;

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Inflates with the platform's native DecompressionStream (browsers, Node ≥ 18). */
async function inflateNative(input: Uint8Array, cap: number, onProgress?: ProgressFn): Promise<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  const STEP = 256 * 1024;
  let fed = 0;
  // Feed in slices so progress can be reported, and the bomb ratio judged, against input consumed.
  let feedError: unknown = null;
  const feeding = (async () => {
    for (let at = 0; at < input.length; at += STEP) {
      const end = Math.min(input.length, at + STEP);
      await writer.write(input.subarray(at, end) as Uint8Array<ArrayBuffer>);
      fed = end;
      onProgress?.(end, input.length);
    }
    await writer.close();
  })().catch((e) => {
    // A cancel (thrown by onProgress) must also end the reading side.
    feedError ??= e;
    writer.abort(e).catch(() => undefined);
  });
  const chunks: Uint8Array[] = [];
  const guard = new OutputGuard(cap, input.length);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      guard.add(value.length, Math.max(fed, STEP));
      chunks.push(value);
    }
    await feeding;
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    if (e instanceof InflateLimitError) throw e;
    if (feedError && (feedError as Error).message === 'cancelled') throw feedError;
    throw new Error('gzip data is corrupt or truncated: the stream does not decompress to its end');
  }
  return concat(chunks, guard.size);
}

/** pako fallback for platforms without DecompressionStream. */
function inflatePako(input: Uint8Array, cap: number, onProgress?: ProgressFn): Uint8Array {
  const chunks: Uint8Array[] = [];
  const guard = new OutputGuard(cap, input.length);
  const inf = new Inflate();
  const STEP = 256 * 1024;
  let fed = STEP;
  inf.onData = (chunk: Uint8Array) => {
    guard.add(chunk.length, fed);
    chunks.push(chunk);
  };
  for (let at = 0; at < input.length; at += STEP) {
    const end = Math.min(input.length, at + STEP);
    fed = Math.max(STEP, end);
    inf.push(input.subarray(at, end), end === input.length);
    onProgress?.(end, input.length);
    if (inf.err) throw new Error(`gzip data is corrupt (${inf.msg})`);
  }
  // `ended` is set by pako at the stream's end marker but missing from its typings.
  if (!(inf as unknown as { ended: boolean }).ended) throw new Error('gzip data is truncated (the stream ends before its end marker)');
  return concat(chunks, guard.size);
}

export async function gunzip(
  input: Uint8Array,
  opts: { cap?: number; onProgress?: ProgressFn; native?: boolean; signal?: { aborted: boolean } } = {},
): Promise<Uint8Array> {
  const cap = opts.cap ?? DEFAULT_INFLATE_CAP;
  const native = opts.native ?? typeof DecompressionStream !== 'undefined';
  const signal = opts.signal;
  // Progress callbacks come between chunks: the natural place to notice a cancel.
  const onProgress: ProgressFn = (done, total) => {
    if (signal?.aborted) throw new Error('cancelled');
    opts.onProgress?.(done, total);
  };
  return native ? inflateNative(input, cap, onProgress) : inflatePako(input, cap, onProgress);
}

/** Compresses an export (a .pb.gz); exports are made once, so pako's speed is plenty. */
export function gzip(raw: Uint8Array): Uint8Array {
  return pakoGzip(raw);
}
