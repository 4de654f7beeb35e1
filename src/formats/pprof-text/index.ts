/**
 * The text profiles Go serves at /debug/pprof/NAME?debug=1 — what people save when
 * they open the endpoint in a browser — read into the same Profile as the proto
 * form. Goroutine profiles at debug=1 are read by goroutine-text, through count.ts.
 */
import type { ProfileKind } from '../../model/file-kind';
import type { Profile } from '../../model/profile';
import { LineReader } from '../text-lines';
import { contentionTextKind, parseContentionText } from './contention';
import { COUNT_HEADER_RE, parseCountProfile } from './count';
import { isHeapTextHeader, parseHeapText } from './heap';

export type PprofTextForm = 'heap' | 'mutex' | 'block' | 'count';

/** The form of a debug=1 text profile from its first line, or null. */
export function pprofTextForm(headText: string): PprofTextForm | null {
  const first = /^\s*([^\n]*?)\r?$/m.exec(headText.replace(/^\uFEFF/, ''))?.[1] ?? '';
  if (isHeapTextHeader(first)) return 'heap';
  const contention = contentionTextKind(first);
  if (contention) return contention;
  const count = COUNT_HEADER_RE.exec(first);
  return count && count[1] !== 'goroutine' ? 'count' : null;
}

export interface PprofTextResult {
  profile: Profile;
  kind: ProfileKind;
  warnings: string[];
}

export function parsePprofText(
  bytes: Uint8Array,
  form: PprofTextForm,
  onProgress?: (bytesDone: number, bytesTotal: number) => void,
): PprofTextResult {
  const r = new LineReader(bytes, onProgress);
  const warnings: string[] = [];
  switch (form) {
    case 'heap':
      return { profile: parseHeapText(firstLine(r), r, warnings), kind: 'heap', warnings };
    case 'mutex':
    case 'block': {
      const { profile, kind } = parseContentionText(firstLine(r), r, warnings);
      return { profile, kind, warnings };
    }
    case 'count': {
      const { profile, name } = parseCountProfile(r, 'pprof-text', warnings);
      const kind = name === 'threadcreate' || name === 'goroutineleak' ? name : 'other';
      return { profile, kind, warnings };
    }
  }
}

/** The first non-blank line: the header. */
function firstLine(r: LineReader): string {
  while (r.next()) if (r.line.trim() !== '') return r.line.trim();
  return r.failAtEnd('the text is empty');
}
