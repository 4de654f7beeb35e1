/**
 * A tar's entries, one at a time, with modern-tar's streaming decoder: the tar (inflated
 * on the fly for .tar.gz) flows through in slices, so only the entry being read is held
 * beside the archive's own bytes. Each header's size is checked against the budget before
 * its body is read. An entry not wanted is passed over unread (when an archive is read
 * again for the entries a view needs).
 */
import { createTarDecoder } from 'modern-tar';
import { EntryRefused, EntrySink, type RawEntry, type Wanted } from './entry';
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
  wanted: Wanted = () => true,
): AsyncGenerator<RawEntry> {
  const raw = sliced(bytes, onProgress);
  const tar = gzipped ? raw.pipeThrough(new DecompressionStream('gzip')) : raw;
  const reader = tar.pipeThrough(createTarDecoder({ strict: true })).getReader();
  let last = '';
  // Every entry yielded counts, wanted or not, so places agree between readings.
  let at = 0;
  try {
    for (;;) {
      let next;
      try {
        next = await reader.read();
      } catch (e) {
        yield { path: last ? `after ${last}` : '(the archive)', at: at++, error: `not read: ${tarMessage(e, gzipped)}` };
        return;
      }
      if (next.done) return;
      const { header, body } = next.value;
      last = header.name;
      const type = header.type ?? 'file';
      if (type !== 'file') {
        await body.cancel();
        if (type !== 'directory') yield { path: header.name, at: at++, error: `not read: a ${type} entry, not a file` };
        continue;
      }
      if (!wanted(at)) {
        at++;
        // Drained, not cancelled: after a cancelled body, modern-tar (0.8.7) stalls on the next body that spans chunks.
        const r = body.getReader();
        while (!(await r.read()).done);
        continue;
      }
      const refusal = budget.refusal(header.size);
      if (refusal) {
        await body.cancel();
        yield { path: header.name, at: at++, error: `${refusal}; the entries after it not read either` };
        return;
      }
      const sink = new EntrySink(header.size, budget.overMessage());
      try {
        const r = body.getReader();
        for (let c = await r.read(); !c.done; c = await r.read()) sink.push(c.value);
      } catch (e) {
        yield { path: header.name, at: at++, error: e instanceof EntryRefused ? e.message : `not read: ${tarMessage(e, gzipped)}` };
        return;
      }
      budget.entries++;
      budget.bytes += sink.size;
      yield { path: header.name, at: at++, bytes: sink.bytes() };
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
