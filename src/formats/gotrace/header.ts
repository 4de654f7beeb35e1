/**
 * The 16-byte header every Go execution trace starts with: "go 1.<minor> trace" padded
 * with NULs. The number is the format version, not the Go release (1.24 writes 1.23).
 */
import { ParseError } from '../parse-error';

const PREFIX = [0x67, 0x6f, 0x20, 0x31, 0x2e]; // "go 1."
const SUFFIX = ' trace';

export const HEADER_SIZE = 16;

/** The format's minor version if `bytes` starts with a trace header, else null. */
export function sniffTraceHeader(bytes: Uint8Array): { version: number } | null {
  if (bytes.length < HEADER_SIZE) return null;
  for (let i = 0; i < PREFIX.length; i++) if (bytes[i] !== PREFIX[i]) return null;
  let pos = PREFIX.length;
  let minor = 0;
  let digits = 0;
  while (pos < HEADER_SIZE && bytes[pos] >= 0x30 && bytes[pos] <= 0x39 && digits < 2) {
    minor = minor * 10 + (bytes[pos] - 0x30);
    pos++;
    digits++;
  }
  if (digits === 0) return null;
  for (let i = 0; i < SUFFIX.length; i++, pos++) {
    if (pos >= HEADER_SIZE || bytes[pos] !== SUFFIX.charCodeAt(i)) return null;
  }
  for (; pos < HEADER_SIZE; pos++) if (bytes[pos] !== 0) return null;
  return { version: minor };
}

/** Versions we can read: v1 (1.11–1.21) and v2 (1.22+ formats). */
export const V1_VERSIONS = [11, 19, 21];
export const V2_VERSIONS = [22, 23, 25, 26];
/** Accepted by the go1.21 parser only; too old for us. */
export const ANCIENT_VERSIONS = [5, 7, 8, 9, 10];

/** Checks the header; throws a clear error (placed at the header, byte 0) when it is not a trace we can read. */
export function traceVersion(bytes: Uint8Array): number {
  const h = sniffTraceHeader(bytes);
  if (!h) throw new ParseError('not a Go execution trace: the file does not start with a "go 1.N trace" header', 0);
  const v = h.version;
  if (ANCIENT_VERSIONS.includes(v)) {
    throw new ParseError(`unsupported trace version go 1.${v}: traces from Go 1.5–1.10 are too old (Go 1.11+ is supported)`, 0);
  }
  if (!V1_VERSIONS.includes(v) && !V2_VERSIONS.includes(v)) {
    throw new ParseError(`unknown or unsupported trace version go 1.${v}`, 0);
  }
  return v;
}
