/**
 * pprof's -focus, -ignore, -hide and -show. A regex matches a frame when it matches the
 * function name or the file name (as pprof's Location.matchesName does).
 *  - focus: keep samples with at least one matching frame;
 *  - ignore: drop samples with any matching frame;
 *  - hide: remove matching frames from stacks, keeping the samples;
 *  - show: remove every frame that does not match (a sample left with none is dropped, as
 *    with hide), so hide and show together keep what show matches and hide does not.
 */
import type { Profile } from '../../model/profile';

export interface NameFilters {
  focus?: string;
  ignore?: string;
  hide?: string;
  show?: string;
}

export class FilterError extends Error {
  constructor(which: string, pattern: string, reason: string) {
    super(`${which}: invalid regular expression ${JSON.stringify(pattern)} (${reason})`);
    this.name = 'FilterError';
  }
}

export function compileFilter(which: string, pattern: string | undefined): RegExp | null {
  if (!pattern) return null;
  try {
    return new RegExp(pattern);
  } catch (e) {
    throw new FilterError(which, pattern, (e as Error).message);
  }
}

/** Whether a view removes frames: pprof then drops a sample left with none (FilterSamplesByName). */
export function hidesFrames(filters: NameFilters): boolean {
  return !!(filters.hide || filters.show);
}

export const FOCUS = 1;
export const IGNORE = 2;
export const HIDE = 4;

/** One flag byte per frame: which of the filters match it. */
export function frameFilterFlags(p: Profile, filters: NameFilters): Uint8Array | null {
  const focus = compileFilter('focus', filters.focus);
  const ignore = compileFilter('ignore', filters.ignore);
  const hide = compileFilter('hide', filters.hide);
  const show = compileFilter('show', filters.show);
  if (!focus && !ignore && !hide && !show) return null;
  const flags = new Uint8Array(p.frames.count);
  // Frames share function names; test each distinct (name, file) pair once.
  const memo = new Map<string, number>();
  for (let f = 0; f < p.frames.count; f++) {
    const name = p.strings[p.frames.func[f]];
    const file = p.strings[p.frames.file[f]];
    const key = `${name}\u0000${file}`;
    let v = memo.get(key);
    if (v === undefined) {
      const m = (re: RegExp | null) => re !== null && (re.test(name) || (file !== '' && re.test(file)));
      const hidden = m(hide) || (show !== null && !m(show));
      v = (m(focus) ? FOCUS : 0) | (m(ignore) ? IGNORE : 0) | (hidden ? HIDE : 0);
      memo.set(key, v);
    }
    flags[f] = v;
  }
  return flags;
}
