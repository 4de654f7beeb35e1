/**
 * Go goroutine text (debug=1 profiles; debug=2, panic and SIGQUIT dumps) → Profile of
 * goroutine counts per stack, plus per-goroutine records for the debug=2 forms.
 */
import type { GoroutineDump } from '../../model/goroutines';
import type { Profile } from '../../model/profile';
import { parseCountProfile } from '../pprof-text/count';
import { parseDebug2 } from './debug2';
import { ByteLines } from './byte-lines';
import { ParseError } from '../parse-error';
import { headText, LineReader } from '../text-lines';
import { looksLikeGoroutineText, type GoroutineTextForm } from './sniff';

export { looksLikeGoroutineText, type GoroutineTextForm } from './sniff';

export interface GoroutineTextResult {
  profile: Profile;
  /** Per-goroutine records; null for debug=1, which has only counts per stack. */
  dump: GoroutineDump | null;
  form: GoroutineTextForm;
  warnings: string[];
}

export function parseGoroutineText(
  bytes: Uint8Array,
  onProgress?: (bytesDone: number, bytesTotal: number) => void,
): GoroutineTextResult {
  // The head decides the form; a dump deep inside a long log is still found by the
  // debug=2 scanner, which treats everything outside goroutine blocks as noise.
  const form = looksLikeGoroutineText(headText(bytes)) ?? 'debug=2';
  const warnings: string[] = [];
  if (form === 'debug=1') {
    const { profile } = parseCountProfile(new LineReader(bytes, onProgress), 'goroutine-text', warnings);
    return { profile, dump: null, form, warnings };
  }
  const { profile, dump } = parseDebug2(new ByteLines(bytes, onProgress), warnings);
  if (dump.count === 0) {
    // Read to the end and found nothing: refused as a whole (the first warning names a line).
    throw new ParseError(
      warnings.length
        ? `No goroutine could be read from this text. ${warnings[0]}`
        : 'This text is not a Go goroutine dump: it has no "goroutine N [state]:" block ' +
            'and no "goroutine profile: total N" line.',
      bytes.length,
    );
  }
  return { profile, dump, form, warnings };
}
