/**
 * A zip's entries, one at a time, with zip.js (well kept; reads the central directory, so
 * encrypted entries and sizes are known before inflating, and inflates with the platform's
 * DecompressionStream). Each entry's output is counted against the archive's budget as it
 * streams, so a header that lies about its size cannot inflate past the limit. An entry
 * not wanted is passed over uninflated.
 */
import { Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { EntryRefused, EntrySink, type RawEntry, type Wanted } from './entry';
import type { ArchiveBudget } from './limits';
import { ParseError } from '../parse-error';

export async function* zipEntries(
  bytes: Uint8Array,
  budget: ArchiveBudget,
  onProgress?: (done: number, total: number) => void,
  wanted: Wanted = () => true,
): AsyncGenerator<RawEntry> {
  // 'tolerant': an entry named ../x must not hide the others; the caller judges each path.
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false, filenameValidation: 'tolerant' });
  let entries;
  try {
    entries = await reader.getEntries();
  } catch (e) {
    // The table of contents is read from the archive's end: a refusal of it is placed there.
    throw new ParseError(`zip archive: ${zipMessage(e)}`, bytes.length);
  }
  const files = entries.filter((e) => !e.directory);
  for (let i = 0; i < files.length; i++) {
    const e = files[i];
    const path = e.filename;
    onProgress?.(i, files.length);
    if (!wanted(i)) continue;
    if (e.encrypted) {
      yield { path, at: i, error: 'not read: password-protected (goroscope does not ask for zip passwords; unzip it first)' };
      continue;
    }
    const refusal = budget.refusal(0);
    if (refusal) {
      yield { path, at: i, error: `${refusal}; ${files.length - i - 1} entries after it not read either` };
      return;
    }
    const sink = new EntrySink(budget.limits.maxTotalBytes - budget.bytes, budget.overMessage());
    try {
      await e.getData!(new WritableStream({ write: (chunk) => sink.push(chunk) }), { useWebWorkers: false });
    } catch (err) {
      yield { path, at: i, error: err instanceof EntryRefused ? err.message : `not read: ${zipMessage(err)} (the entry at byte ${e.offset})` };
      continue;
    }
    budget.entries++;
    budget.bytes += sink.size;
    yield { path, at: i, bytes: sink.bytes() };
  }
  await reader.close();
}

/** zip.js's messages, said for a person holding the archive. */
function zipMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  if (/end of central directory/i.test(m)) return 'truncated or damaged: its table of contents (the central directory at its end) is missing';
  if (/compression method/i.test(m)) return `compressed with a method this reader lacks (${m})`;
  if (/signature|crc/i.test(m)) return `damaged: ${m}`;
  return m;
}
