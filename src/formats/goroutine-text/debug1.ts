/**
 * debug=1 goroutine profiles (runtime/pprof printCountProfile) → Profile.
 *
 *   goroutine profile: total N
 *   COUNT @ 0xPC 0xPC …
 *   # labels: {"k":"v", …}          (optional)
 *   #\t0xPC\tfunc+0xOFF\tfile:line   (tabwriter pads with extra tabs; "#\t0xPC" alone when unknown)
 *   <blank line>
 */
import type { Profile } from '../../model/profile';
import { ProfileBuilder, simpleMeta } from '../../model/profile-builder';
import { GOROUTINE_SAMPLE_TYPE } from './debug2';
import { parseGoLabelSet } from './go-quote';
import type { LineReader } from './lines';

const TOTAL_RE = /^goroutine profile: total (\d+)$/;
const GROUP_RE = /^(\d+) @(?: 0x[0-9a-f]+)*$/;
const LABELS_PREFIX = '# labels: ';

interface Group {
  count: number;
  line: number;
  frames: number[];
  labels: [string, string][] | null;
  bad: string | null;
  badLine: number;
}

export function parseDebug1(r: LineReader, warnings: string[]): { profile: Profile; total: number } {
  const b = new ProfileBuilder(1);
  let total = -1;
  let sum = 0;
  let g: Group | null = null;

  const end = (): void => {
    if (!g) return;
    const grp = g;
    g = null;
    if (grp.bad) {
      warnings.push(`line ${grp.badLine}: skipped a group of ${grp.count} goroutines: ${grp.bad}`);
      return;
    }
    if (grp.frames.length === 0) {
      warnings.push(`line ${grp.line}: skipped a group of ${grp.count} goroutines with no frames`);
      return;
    }
    const s = b.sample(b.stackLeafFirst(grp.frames), [grp.count]);
    if (grp.labels) for (const [k, v] of grp.labels) b.stringLabel(s, k, v);
    sum += grp.count;
  };

  while (r.next()) {
    const L = r.line;
    const n = r.lineNo;
    if (total < 0) {
      const m = TOTAL_RE.exec(L);
      if (m) total = Number(m[1]);
      continue; // anything before the header is noise
    }
    if (L.trim() === '') {
      end();
      continue;
    }
    const m = GROUP_RE.exec(L);
    if (m) {
      end();
      g = { count: Number(m[1]), line: n, frames: [], labels: null, bad: null, badLine: 0 };
      continue;
    }
    if (!g) {
      warnings.push(`line ${n}: ignored a line outside any group: ${JSON.stringify(L.slice(0, 120))}`);
      continue;
    }
    const grp: Group = g;
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
  // Go ends every group with a blank line; a group still open at the end was cut off.
  if (g) {
    const grp = g as Group | null;
    warnings.push(
      `the text ends inside the group at line ${grp ? grp.line : r.lineNo}: the profile was cut off; ` +
        `kept ${grp ? grp.frames.length : 0} complete frames of it`,
    );
  }
  end();
  if (total < 0) throw new Error('no "goroutine profile: total N" line');
  if (sum !== total) warnings.push(`the groups hold ${sum} goroutines but the header says total ${total}`);
  return { profile: b.build(simpleMeta('goroutine-text', [GOROUTINE_SAMPLE_TYPE])), total };
}

/** "#\t0xPC\tfunc+0xOFF\tfile:line" (any run of tabs between fields) → frame, or -1. */
function frameOf(b: ProfileBuilder, L: string): number {
  const parts = L.split('\t').filter((p) => p !== '');
  if (parts.length === 2 && /^0x[0-9a-f]+$/.test(parts[1])) return b.frame(parts[1]); // unsymbolized PC
  if (parts.length !== 4) return -1;
  const fn = parts[2];
  const plus = fn.lastIndexOf('+0x');
  const loc = parts[3];
  const colon = loc.lastIndexOf(':');
  const line = Number(loc.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(line)) return -1;
  return b.frame(plus > 0 ? fn.slice(0, plus) : fn, loc.slice(0, colon), line);
}
