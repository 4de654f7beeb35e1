/**
 * Bounded gzip inflation. A hostile file can inflate a thousandfold, so output is
 * counted as it is produced and the stream is abandoned at the cap.
 */
import { Inflate } from 'pako';

export const DEFAULT_INFLATE_CAP = 2 * 1024 * 1024 * 1024;

export class InflateLimitError extends Error {
  constructor(readonly cap: number) {
    super(`decompressed data exceeds the ${formatCap(cap)} limit (a gzip bomb, or a file too big to open here)`);
    this.name = 'InflateLimitError';
  }
}

function formatCap(cap: number): string {
  return cap >= 1 << 30 ? `${cap / (1 << 30)} GiB` : `${Math.round(cap / (1 << 20))} MiB`;
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
  const STEP = 1 << 20;
  // Feed in slices so progress can be reported against input consumed.
  const feeding = (async () => {
    for (let at = 0; at < input.length; at += STEP) {
      await writer.write(input.subarray(at, Math.min(input.length, at + STEP)) as Uint8Array<ArrayBuffer>);
      onProgress?.(Math.min(input.length, at + STEP), input.length);
    }
    await writer.close();
  })();
  feeding.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > cap) {
        await reader.cancel();
        throw new InflateLimitError(cap);
      }
      chunks.push(value);
    }
    await feeding;
  } catch (e) {
    if (e instanceof InflateLimitError) throw e;
    throw new Error(`gzip data is corrupt or truncated (${(e as Error).message || 'inflate failed'})`);
  }
  return concat(chunks, size);
}

/** pako fallback for platforms without DecompressionStream. */
function inflatePako(input: Uint8Array, cap: number, onProgress?: ProgressFn): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inf = new Inflate();
  inf.onData = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > cap) throw new InflateLimitError(cap);
    chunks.push(chunk);
  };
  const STEP = 1 << 20;
  for (let at = 0; at < input.length; at += STEP) {
    const end = Math.min(input.length, at + STEP);
    inf.push(input.subarray(at, end), end === input.length);
    onProgress?.(end, input.length);
    if (inf.err) throw new Error(`gzip data is corrupt (${inf.msg})`);
  }
  // `ended` is set by pako at the stream's end marker but missing from its typings.
  if (!(inf as unknown as { ended: boolean }).ended) throw new Error('gzip data is truncated (the stream ends before its end marker)');
  return concat(chunks, size);
}

export async function gunzip(
  input: Uint8Array,
  opts: { cap?: number; onProgress?: ProgressFn; native?: boolean } = {},
): Promise<Uint8Array> {
  const cap = opts.cap ?? DEFAULT_INFLATE_CAP;
  const native = opts.native ?? typeof DecompressionStream !== 'undefined';
  return native ? inflateNative(input, cap, opts.onProgress) : inflatePako(input, cap, opts.onProgress);
}
