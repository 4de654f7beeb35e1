/** Line helpers shared by the legacy text readers. */
import type { LineReader } from '../text-lines';
import { isMemoryMapSentinel } from './memory-map';

/** The rest of a line reader's input, one line at a time. */
export function* remainingLines(r: LineReader): Generator<string> {
  while (r.next()) yield r.line;
}

/**
 * The lines of the memory map, given the line the records stopped at (null at the end):
 * sections between the records and the map are skipped, as pprof skips them.
 */
export function* memoryMapLines(r: LineReader, stoppedAt: string | null): Generator<string> {
  if (stoppedAt === null) return;
  if (!isMemoryMapSentinel(stoppedAt)) while (r.next() && !isMemoryMapSentinel(r.line));
  yield* remainingLines(r);
}

/** Every "0x…" number on a line, as pprof picks the addresses out of legacy records. */
export function hexAddresses(text: string): string[] {
  return text.match(/0x[0-9a-f]+/g) ?? [];
}

/** The first line that is neither blank nor a "#" comment (the header), or null at the end. */
export function headerLine(r: LineReader): string | null {
  while (r.next()) {
    const L = r.line.trim();
    if (L !== '' && !L.startsWith('#')) return L;
  }
  return null;
}
