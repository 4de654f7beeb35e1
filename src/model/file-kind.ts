/** What a dropped file is, decided from its content (never its name). */

export type ProfileKind =
  | 'cpu'
  | 'heap'
  | 'allocs'
  | 'goroutine'
  /** Goroutines the runtime's leak detector found blocked forever (Go 1.26 experiment). */
  | 'goroutineleak'
  | 'mutex'
  | 'block'
  /** A mutex or block profile with no samples: the two cannot be told apart. */
  | 'contention'
  | 'threadcreate'
  | 'other';

export type ArchiveFormat = 'zip' | 'tar' | 'tar.gz';

export type FileKind =
  /** `text`: the debug=1 text form Go serves next to the protobuf; `legacy`: the name of an older format pprof still reads. */
  | { kind: 'pprof'; profile: ProfileKind; text?: true; legacy?: string }
  | { kind: 'trace'; goVersion: string }
  | { kind: 'goroutine-dump'; form: 'debug=1' | 'debug=2' }
  | { kind: 'folded' }
  /** Many files in one: their entries are files of their own (FileInfo.entries). */
  | { kind: 'archive'; format: ArchiveFormat }
  | { kind: 'unknown' };

export function describeKind(k: FileKind): string {
  switch (k.kind) {
    case 'pprof':
      return `${pprofName(k.profile)}${k.text ? ' (debug=1 text)' : k.legacy ? ` (${k.legacy})` : ''}`;
    case 'trace':
      return `execution trace (go ${k.goVersion})`;
    case 'goroutine-dump':
      return `goroutine dump (${k.form})`;
    case 'folded':
      return 'collapsed stacks';
    case 'archive':
      return `${k.format} archive`;
    case 'unknown':
      return 'unknown';
  }
}

/** Files the goroutine views read: dumps, and goroutine or goroutineleak profiles in either encoding. */
export function holdsGoroutines(k: FileKind): boolean {
  return k.kind === 'goroutine-dump' || (k.kind === 'pprof' && (k.profile === 'goroutine' || k.profile === 'goroutineleak'));
}

function pprofName(p: ProfileKind): string {
  if (p === 'other') return 'pprof profile';
  if (p === 'contention') return 'mutex or block profile (empty)';
  return `${p} profile`;
}
