/** Cheap content sniffing for goroutine text, on the first few KB of a file. */

const DEBUG1_RE = /^goroutine profile: total \d+\r?$/m;
// A goroutine header as goroutineheader prints it, then a frame, "created by" or the
// "stack unavailable" line (so a log line that merely mentions a goroutine is not enough).
const DEBUG2_RE =
  /^goroutine \d+(?: gp=0x[0-9a-f]+ m=(?:\d+ mp=0x[0-9a-f]+|nil))? \[[^\n]*\]:\r?\n(?:[^\s(][^\n]*\(.*\)|\tgoroutine running on other thread|created by )/m;

export type GoroutineTextForm = 'debug=1' | 'debug=2';

export function looksLikeGoroutineText(headText: string): GoroutineTextForm | null {
  const d1 = DEBUG1_RE.exec(headText);
  const d2 = DEBUG2_RE.exec(headText);
  if (d1 && (!d2 || d1.index < d2.index)) return 'debug=1';
  return d2 ? 'debug=2' : null;
}
