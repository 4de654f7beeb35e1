/** What a dropped file is, decided from its content (never its name). */

export type ProfileKind =
  | 'cpu'
  | 'heap'
  | 'allocs'
  | 'goroutine'
  | 'mutex'
  | 'block'
  /** A mutex or block profile with no samples: the two cannot be told apart. */
  | 'contention'
  | 'threadcreate'
  | 'other';

export type FileKind =
  | { kind: 'pprof'; profile: ProfileKind }
  | { kind: 'trace'; goVersion: string }
  | { kind: 'goroutine-dump'; form: 'debug=1' | 'debug=2' }
  | { kind: 'folded' }
  | { kind: 'unknown' };

export function describeKind(k: FileKind): string {
  switch (k.kind) {
    case 'pprof':
      if (k.profile === 'other') return 'pprof profile';
      if (k.profile === 'contention') return 'mutex or block profile (empty)';
      return `${k.profile} profile`;
    case 'trace':
      return `execution trace (go ${k.goVersion})`;
    case 'goroutine-dump':
      return `goroutine dump (${k.form})`;
    case 'folded':
      return 'collapsed stacks';
    case 'unknown':
      return 'unknown';
  }
}
