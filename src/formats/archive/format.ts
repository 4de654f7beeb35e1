/**
 * Whether bytes are an archive, from their content: a zip's local-file or end-of-directory
 * signature, a tar's "ustar" magic at offset 257, or gzip whose first inflated block is a tar.
 */
import { Inflate, constants } from 'pako';
import type { ArchiveFormat } from '../../model/file-kind';
import { isGzip } from '../gzip';

const TAR_MAGIC_AT = 257;

export function archiveFormat(b: Uint8Array): ArchiveFormat | null {
  if (isZip(b)) return 'zip';
  if (isTar(b)) return 'tar';
  if (isGzip(b) && isTar(gunzipHead(b, TAR_MAGIC_AT + 8))) return 'tar.gz';
  return null;
}

function isZip(b: Uint8Array): boolean {
  // PK\3\4 starts an archive with entries, PK\5\6 an empty one.
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

function isTar(b: Uint8Array): boolean {
  // "ustar" is followed by NUL (POSIX) or a space (old GNU tar).
  const m = [0x75, 0x73, 0x74, 0x61, 0x72];
  return b.length >= TAR_MAGIC_AT + 6 && m.every((c, i) => b[TAR_MAGIC_AT + i] === c);
}

/** The first `n` inflated bytes of a gzip stream, or fewer when it is shorter or corrupt: a peek, never the whole. */
function gunzipHead(b: Uint8Array, n: number): Uint8Array {
  const inf = new Inflate();
  const out: Uint8Array[] = [];
  let size = 0;
  inf.onData = (chunk: Uint8Array) => {
    out.push(chunk);
    size += chunk.length;
  };
  const STEP = 4096;
  for (let at = 0; at < b.length && size < n && !inf.err; at += STEP) inf.push(b.subarray(at, at + STEP), constants.Z_SYNC_FLUSH);
  const head = new Uint8Array(size);
  let at = 0;
  for (const c of out) {
    head.set(c, at);
    at += c.length;
  }
  return head;
}
