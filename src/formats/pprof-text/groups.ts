/**
 * The records every debug=1 text profile of runtime/pprof is made of:
 *
 *   VALUES @ 0xPC 0xPC …                 (the values' shape is the profile's own)
 *   # labels: {"k":"v", …}               (goroutine profiles only, optional)
 *   #\t0xPC\tfunc+0xOFF\tfile:line        (printStackRecord: one line per frame, inlined
 *   …                                      ones included; tabwriter pads with more tabs;
 *                                          "#\t0xPC" alone when the PC has no symbol)
 *   <blank line>
 *
 * The frame lines, not the PCs, are the stack: they name the functions and expand
 * inlining. A record with PCs but no frame lines (a writer that does not symbolize:
 * old Go, gperftools) keeps its PCs as frames named by address. Reading stops at a
 * memory map ("--- Memory map: ---"), which the caller reads.
 */
import type { ProfileBuilder } from '../../model/profile-builder';
import { parseGoLabelSet } from '../go-quote';
import { addressFrame } from '../legacy/address-frames';
import { isMemoryMapSentinel } from '../legacy/memory-map';
import { LineWarnings } from '../line-warnings';
import type { LineReader } from '../text-lines';

export interface RecordGroup {
  values: number[];
  /** Line number of the head line. */
  line: number;
  /** Leaf first. */
  frames: number[];
  labels: [string, string][] | null;
}

export interface GroupReading {
  /** The numbers of a head line's part before " @", or null if it is not a head. */
  values(left: string): number[] | null;
  /** How a warning names a skipped record: "a group of 3 goroutines". */
  describe(values: number[]): string;
  /** `warn`: a warning about one line (bounded with the reader's own, line-warnings.ts). */
  onGroup(g: RecordGroup, warn: (message: string) => void): void;
  /** A non-blank line outside any record; true if the caller took it (else a warning). */
  outside?(line: string, lineNo: number): boolean;
}

const PCS_RE = /^(?: 0x[0-9a-f]+)*$/;
const LABELS_PREFIX = '# labels: ';

interface Open extends RecordGroup {
  pcs: string[];
  bad: string | null;
  badLine: number;
}

/** Reads records from the reader's next line to its end, each handed to `how.onGroup`. */
export function readGroups(r: LineReader, b: ProfileBuilder, how: GroupReading, warnings: string[]): void {
  let g: Open | null = null;
  const lines = new LineWarnings(warnings);
  const warn = (message: string) => lines.add(message);

  const end = (): void => {
    if (!g) return;
    const grp = g;
    g = null;
    if (grp.bad) {
      warn(`line ${grp.badLine}: skipped ${how.describe(grp.values)}: ${grp.bad}`);
      return;
    }
    // A record of no PCs at all is kept too (at the root), as pprof keeps it: it counts in the totals.
    if (grp.frames.length === 0) for (let i = 0; i < grp.pcs.length; i++) grp.frames.push(addressFrame(b, grp.pcs[i]));
    how.onGroup(grp, warn);
  };

  while (r.next()) {
    const L = r.line;
    const n = r.lineNo;
    // gperftools' texts end with their memory map; the caller reads it.
    if (isMemoryMapSentinel(L)) {
      end();
      break;
    }
    if (L.trim() === '') {
      end();
      continue;
    }
    const head = headOf(L, how);
    if (head) {
      end();
      g = { values: head.values, line: n, frames: [], labels: null, pcs: head.pcs, bad: null, badLine: 0 };
      continue;
    }
    if (!g) {
      if (!how.outside?.(L, n)) warn(`line ${n}: ignored a line outside any record: ${JSON.stringify(L.slice(0, 120))}`);
      continue;
    }
    const grp: Open = g;
    if (L.startsWith(LABELS_PREFIX)) {
      grp.labels = parseGoLabelSet(L.slice(LABELS_PREFIX.length));
      if (!grp.labels && !grp.bad) {
        grp.bad = 'malformed "# labels:" line';
        grp.badLine = n;
      }
      continue;
    }
    const f = L.startsWith('#\t') ? frameOf(b, L) : -1;
    if (f < 0 && !r.lastLineTerminated) break; // a line cut in the middle
    if (f < 0) {
      if (!grp.bad) {
        grp.bad = `not a frame line: ${JSON.stringify(L.slice(0, 120))}`;
        grp.badLine = n;
      }
      continue;
    }
    grp.frames.push(f);
  }
  // Go ends every record with a blank line: one still open at the end, with frame lines or a
  // last line cut in the middle, was cut off. A head line alone is a whole record of the older
  // writers (one line per record, no symbols).
  if (g && ((g as Open).frames.length > 0 || !r.lastLineTerminated)) {
    const grp = g as Open;
    warnings.push(
      `the text ends inside the record at line ${grp.line}: the profile was cut off; kept ${grp.frames.length} complete frames of it`,
    );
  }
  end();
  lines.finish();
}

function headOf(L: string, how: GroupReading): { values: number[]; pcs: string[] } | null {
  const at = L.indexOf(' @');
  if (at <= 0 || L.startsWith('#')) return null;
  const pcs = L.slice(at + 2);
  if (!PCS_RE.test(pcs)) return null;
  const values = how.values(L.slice(0, at));
  if (!values) return null;
  // Leaf first, as printed.
  return { values, pcs: pcs === '' ? [] : pcs.slice(1).split(' ') };
}

/** "#\t0xPC\tfunc+0xOFF\tfile:line" (any run of tabs between fields) → frame, or -1. */
function frameOf(b: ProfileBuilder, L: string): number {
  const parts = L.split('\t').filter((p) => p !== '');
  if (parts.length === 2 && /^0x[0-9a-f]+$/.test(parts[1])) return addressFrame(b, parts[1]); // unsymbolized PC
  if (parts.length !== 4) return -1;
  const fn = parts[2];
  const plus = fn.lastIndexOf('+0x');
  const loc = parts[3];
  const colon = loc.lastIndexOf(':');
  const line = Number(loc.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(line)) return -1;
  // A line no source has (negative, past 2^31) is kept as unknown, like a frame without one.
  return b.frame(plus > 0 ? fn.slice(0, plus) : fn, loc.slice(0, colon), line >= 0 && line < 2 ** 31 ? line : 0);
}
