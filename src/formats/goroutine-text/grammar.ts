/**
 * Line grammar of Go tracebacks (debug=2, panics, SIGQUIT), as printed by the runtime's
 * traceback.go for Go 1.19–1.26:
 *
 *   goroutineheader:  "goroutine " id [" gp=" ptr (" m=" id " mp=" ptr | " m=nil")] " [" status
 *                     [" (leaked)"] [" (scan)"] [" (durable)"] [", " N " minutes"]
 *                     [", locked to thread"] [", synctest bubble " N] [" labels:{…}"] "]:"
 *                     (gp/m since Go 1.23 when GOTRACEBACK>=system or the runtime throws;
 *                     (leaked) and labels since 1.26; (durable), bubble since 1.24/1.25)
 *   frame:            funcName "(" args | "..." ")"   then   "\t" file ":" line [" +0x…"] [" fp=… sp=… pc=…"]
 *                     (runtime.gopanic prints as "panic"; generic shapes as "[...]")
 *   created by:       "created by " funcName [" in goroutine " N]   (the suffix since Go 1.21)
 *                     then "\t" file ":" line [" +0x…"]
 *   elision:          "...additional frames elided..." (≤1.20, and ancestors) | "..." N " frames elided..."
 *   no stack:         "\tgoroutine running on other thread; stack unavailable"
 *   ancestors:        "[originating from goroutine " N "]:" (GODEBUG=tracebackancestors)
 *   cgo:              "non-Go function at pc=0x…"
 */

import { parseGoLabelSet } from '../go-quote';

export interface GoroutineHeader {
  id: number;
  /** Wait reason or status, without the transient " (scan)" and " (leaked)" marks. */
  state: string;
  /** Minutes blocked, -1 when not printed (less than a minute, or not waiting). */
  waitMinutes: number;
  locked: boolean;
  /** Marked "(leaked)" by the runtime's goroutine leak detector (Go 1.26 experiment). */
  leaked: boolean;
  labels: [string, string][] | null;
}

const HEADER_PREFIX = 'goroutine ';

/** Whether a line is meant to be a goroutine header (parse it to know if it is valid). */
export function isHeaderLike(line: string): boolean {
  return line.startsWith(HEADER_PREFIX) && line.endsWith(']:') && line.charCodeAt(10) >= 48 && line.charCodeAt(10) <= 57;
}

export function parseHeader(line: string): GoroutineHeader | null {
  if (!isHeaderLike(line)) return null;
  let i = HEADER_PREFIX.length;
  let id = 0;
  const idStart = i;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) break;
    id = id * 10 + (c - 48);
    i++;
  }
  if (i === idStart) return null;
  const open = line.indexOf(' [', i);
  if (open < 0) return null;
  if (open > i && !isThreadInfo(line.slice(i, open))) return null;
  let inner = line.slice(open + 2, line.length - 2);

  let labels: [string, string][] | null = null;
  const li = inner.indexOf(' labels:{');
  if (li >= 0) {
    labels = parseGoLabelSet(inner.slice(li + 8));
    if (!labels) return null;
    inner = inner.slice(0, li);
  }

  const parts = inner.split(', ');
  let state = parts[0];
  if (state === '') return null;
  let leaked = false;
  if (state.includes(' (scan)')) state = state.replace(' (scan)', '');
  if (state.includes(' (leaked)')) {
    leaked = true;
    state = state.replace(' (leaked)', '');
  }
  let waitMinutes = -1;
  let locked = false;
  for (let p = 1; p < parts.length; p++) {
    const part = parts[p];
    if (part === 'locked to thread') locked = true;
    else if (part.endsWith(' minutes')) {
      const n = Number(part.slice(0, -8));
      if (!Number.isInteger(n) || n < 0) return null;
      waitMinutes = n;
    } else if (!part.startsWith('synctest bubble ')) return null;
  }
  return { id, state, waitMinutes, locked, leaked, labels };
}

/** " gp=0x… m=3 mp=0x…" or " gp=0x… m=nil" between the id and the bracket. */
function isThreadInfo(s: string): boolean {
  return /^ gp=0x[0-9a-f]+ m=(?:\d+ mp=0x[0-9a-f]+|nil)$/.test(s);
}

const ARGS_RE = /^[0-9a-fA-Fx{}, ._?]*$/;

/**
 * The function name of a frame line "pkg.f(args)", or null if the line is not one.
 * Args never contain parentheses, so the last "(" opens them (names may contain
 * "(*T)"). Go function names always contain a dot; "panic" stands for runtime.gopanic.
 */
export function parseFuncLine(line: string): string | null {
  if (line.charCodeAt(line.length - 1) !== 41) return null; // ')'
  const c0 = line.charCodeAt(0);
  if (c0 === 9 || c0 === 32) return null;
  const open = line.lastIndexOf('(');
  if (open <= 0) return null;
  const name = line.slice(0, open);
  if (name === 'panic') return 'runtime.gopanic';
  if (name.indexOf('.') < 0 || name.indexOf(' ') >= 0) return null;
  if (!ARGS_RE.test(line.slice(open + 1, line.length - 1))) return null;
  return name;
}

/** "\tfile:line[ +0x…][ fp=… sp=… pc=…]" → the "file:line" part's split, or null. */
export function parseFileLine(line: string, out: { file: string; line: number }): boolean {
  if (line.charCodeAt(0) !== 9) return false;
  let end = line.indexOf(' +0x');
  if (end < 0) end = line.indexOf(' fp=');
  if (end < 0) end = line.indexOf(' pc=');
  if (end < 0) end = line.length;
  const colon = line.lastIndexOf(':', end);
  if (colon <= 1) return false;
  let n = 0;
  for (let i = colon + 1; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    n = n * 10 + (c - 48);
  }
  if (colon + 1 === end) return false;
  out.file = line.slice(1, colon);
  out.line = n;
  return true;
}

const CREATED_BY = 'created by ';
const IN_GOROUTINE = ' in goroutine ';

/** "created by pkg.f[ in goroutine N]" → function and parent id (-1 when not printed). */
export function parseCreatedBy(line: string): { func: string; parent: number } | null {
  if (!line.startsWith(CREATED_BY)) return null;
  let rest = line.slice(CREATED_BY.length);
  let parent = -1;
  const g = rest.lastIndexOf(IN_GOROUTINE);
  if (g >= 0) {
    const n = rest.slice(g + IN_GOROUTINE.length);
    if (!/^\d+$/.test(n)) return null;
    parent = Number(n);
    rest = rest.slice(0, g);
  }
  if (rest === '' || rest.indexOf(' ') >= 0) return null;
  return { func: rest, parent };
}

export function isElisionLine(line: string): boolean {
  return line === '...additional frames elided...' || /^\.\.\.\d+ frames elided\.\.\.$/.test(line);
}

export const STACK_UNAVAILABLE = '\tgoroutine running on other thread; stack unavailable';

export function isAncestorHeader(line: string): boolean {
  return line.startsWith('[originating from goroutine ') && line.endsWith(']:');
}

/**
 * Lines that start a crash report or dump in a log; used to title sections when a file
 * holds several dumps.
 */
export function sectionTitle(line: string): string | null {
  if (
    line.startsWith('panic: ') ||
    line.startsWith('fatal error: ') ||
    line.startsWith('SIGQUIT: ') ||
    /^SIG[A-Z]+: /.test(line) ||
    line.startsWith('goroutine profile: total ')
  )
    return line.length > 200 ? line.slice(0, 200) + '…' : line;
  return null;
}
