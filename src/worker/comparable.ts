/** What comparing needs to know of an open file (analysis/diff/pairs.ts), for the worker and the Compare tab alike. */
import type { ComparableProfile } from '../analysis/diff/pairs';
import type { ProfileKind } from '../model/file-kind';
import type { FileInfo } from './types';

/** A goroutine dump becomes a goroutine profile, so it is one kind with the protobuf form. */
function profileKind(info: FileInfo): ProfileKind | undefined {
  if (info.kind.kind === 'pprof') return info.kind.profile;
  if (info.kind.kind === 'goroutine-dump') return 'goroutine';
  return undefined;
}

/** Null when the file holds no profile. */
export function comparableOf(info: FileInfo): ComparableProfile | null {
  if (!info.profile) return null;
  return { id: info.id, name: info.name, kind: profileKind(info), timeNanos: info.profile.timeNanos, sampleTypes: info.profile.sampleTypes };
}
