/**
 * The legacy profile formats `go tool pprof` still opens (google/pprof's profile package,
 * parseLegacy): gperftools' and old Go's binary CPU profile, gperftools' lock contention
 * and thread dumps, and the Java agent's cpu, heap and contention profiles. Heap and
 * growth texts are read by pprof-text, whose header they share with Go's debug=1 heap.
 */
import type { ProfileKind } from '../../model/file-kind';
import type { Profile } from '../../model/profile';
import { LineReader } from '../text-lines';
import { CONTENTIONZ_HEADER, parseContentionz } from './contentionz';
import { looksLikeLegacyCpu, parseLegacyCpu } from './cpu';
import { javaTextKind, parseJavaText } from './java-text';
import { THREAD_RE, THREADZ_RE, parseThreadz } from './threadz';

export type LegacyForm = 'cpu' | 'contentionz' | 'threadz' | 'java';

export { looksLikeLegacyCpu };

/** The form of a legacy text profile from its first lines, or null. */
export function legacyTextForm(headText: string): LegacyForm | null {
  const lines = headText.replace(/^\uFEFF/, '').split('\n', 64).map((l) => l.trim());
  const first = lines.find((l) => l !== '' && !l.startsWith('#')) ?? '';
  if (first === '--- heapz 1 ---') return 'java';
  if (first.startsWith(CONTENTIONZ_HEADER)) {
    // Java's contention profile says so in its attributes; gperftools' has none of them.
    return javaTextKind(first) && lines.some((l) => /^format\s*=/.test(l)) ? 'java' : 'contentionz';
  }
  if (THREADZ_RE.test(first) || THREAD_RE.test(first)) return 'threadz';
  return null;
}

export interface LegacyResult {
  profile: Profile;
  kind: ProfileKind;
  warnings: string[];
}

export function parseLegacy(bytes: Uint8Array, form: LegacyForm, onProgress?: (done: number, total: number) => void): LegacyResult {
  if (form === 'cpu') return { ...parseLegacyCpu(bytes), kind: 'cpu' };
  const r = new LineReader(bytes, onProgress);
  const warnings: string[] = [];
  switch (form) {
    case 'contentionz':
      return { profile: parseContentionz(r, warnings), kind: 'mutex', warnings };
    case 'threadz':
      return { profile: parseThreadz(r), kind: 'other', warnings };
    case 'java': {
      const { profile, kind } = parseJavaText(r);
      return { profile, kind: kind === 'heap' ? 'heap' : 'mutex', warnings };
    }
  }
}

/** What the file list calls each form when it cannot be read. */
export const LEGACY_NAMES: Record<LegacyForm, string> = {
  cpu: 'legacy binary CPU profile',
  contentionz: 'gperftools contention text',
  threadz: 'threadz text',
  java: 'Java agent text',
};
