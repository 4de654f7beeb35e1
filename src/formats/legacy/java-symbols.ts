/**
 * The symbol section that ends Java profiles (cpu, heapz, contentionz): one line per
 * address, "0x0000003 com.example.Foo.bar (Foo.java:12)", or a library path in
 * parentheses, or a bare name ("GC", "VM"). Read as pprof's legacy Java parser reads it.
 */
import type { ProfileBuilder } from '../../model/profile-builder';
import { addressName } from './address-frames';

const LOCATION_RE = /^\s*0x([0-9A-Fa-f]+)\s+(.*)\s*$/;
const FILE_LINE_RE = /^(.*)\s+\((.+):(-?[0-9]+)\)$/;
const PATH_RE = /^(.*)\s+\((.*)\)$/;

/** Address name ("0x3") → its frame, for every symbol line of `lines`. */
export function readJavaSymbols(b: ProfileBuilder, lines: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of lines) {
    const m = LOCATION_RE.exec(raw.trim());
    if (!m || m[1].length > 16) continue;
    out.set(addressName(m[1]), symbolFrame(b, m[2]));
  }
  return out;
}

function symbolFrame(b: ProfileBuilder, text: string): number {
  const fl = FILE_LINE_RE.exec(text);
  if (fl) {
    const n = Number(fl[3]);
    return b.frame(fl[1], fl[2], n > 0 && n <= 0x7fffffff ? n : 0);
  }
  // A shared library: its file name is all that helps.
  const path = PATH_RE.exec(text);
  if (path) return b.frame(path[1], path[2].slice(path[2].lastIndexOf('/') + 1));
  if (text.includes('generated stub/JIT')) return b.frame('STUB');
  return b.frame(text);
}
