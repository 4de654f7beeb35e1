/**
 * A tar's entries, one at a time, with modern-tar's streaming decoder: the tar (inflated
 * on the fly for .tar.gz) flows through in slices, so only the entry being read is held
 * beside the archive's own bytes. Each header's size is checked against the budget before
 * its body is read.
 */
import { createTarDecoder } from 'modern-tar';
import { EntryRefused, EntrySink, type ArchiveEntry } from './entry';
import type { ArchiveBudget } from './limits';

const SLICE = 1 << 20;

/** The bytes as a stream of views (no copy), reporting how far it has got. */
function sliced(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): ReadableStream<Uint8Array<ArrayBuffer>> {
  let at = 0;
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(c) {
      if (at >= bytes.length) return c.close();
      const end = Math.min(bytes.length, at + SLICE);
      c.enqueue(bytes.subarray(at, end) as Uint8Array<ArrayBuffer>);
      at = end;
      onProgress?.(at, bytes.length);
    },
  });
}

export async function* tarEntries(
  bytes: Uint8Array,
  gzipped: boolean,
  budget: ArchiveBudget,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<ArchiveEntry> {
  const raw = sliced(bytes, onProgress);
  const tar = gzipped ? raw.pipeThrough(new DecompressionStream('gzip')) : raw;
  const reader = tar.pipeThrough(createTarDecoder({ strict: true })).getReader();
  let last = '';
  try {
    for (;;) {
      let next;
      try {
        next = await reader.read();
      } catch (e) {
        yield { path: last ? `after ${last}` : '(the archive)', error: `not read: ${tarMessage(e, gzipped)}` };
        return;
      }
      if (next.done) return;
      const { header, body } = next.value;
      last = header.name;
      const type = header.type ?? 'file';
      if (type !== 'file') {
        await body.cancel();
        if (type !== 'directory') yield { path: header.name, error: `not read: a ${type} entry, not a file` };
        continue;
      }
      const refusal = budget.refusal(header.size);
      if (refusal) {
        await body.cancel();
        yield { path: header.name, error: `${refusal}; the entries after it not read either` };
        return;
      }
      const sink = new EntrySink(header.size, budget.overMessage());
      try {
        const r = body.getReader();
        for (let c = await r.read(); !c.done; c = await r.read()) sink.push(c.value);
      } catch (e) {
        yield { path: header.name, error: e instanceof EntryRefused ? e.message : `not read: ${tarMessage(e, gzipped)}` };
        return;
      }
      budget.entries++;
      budget.bytes += sink.size;
      yield { path: header.name, bytes: sink.bytes() };
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function tarMessage(e: unknown, gzipped: boolean): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/truncated|end of (file|stream)/i.test(m)) return 'the archive is truncated here (it ends inside an entry or before its end marker)';
  if (gzipped && /(compressed|gzip|zlib|incorrect|invalid)/i.test(m) || e instanceof TypeError) return `the gzip stream is damaged or truncated here (${m})`;
  return m;
}
