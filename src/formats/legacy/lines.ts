/** The rest of a line reader's input, one line at a time (for the sections that end a legacy profile). */
import type { LineReader } from '../text-lines';

export function* remainingLines(r: LineReader): Generator<string> {
  while (r.next()) yield r.line;
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
