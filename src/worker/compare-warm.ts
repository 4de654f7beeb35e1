/**
 * Compare candidates are warmed while the worker is idle. Once a second profile is open,
 * the newly opened one and the one opened before it (the pair the Compare tab suggests
 * first) get the view stacks of their default view made in a task of their own, after
 * the file's answer is posted: a diff's first flame answer grows its call trees from
 * those stacks (analysis/diff/tree.ts), and the flame tab builds whole trees from them.
 * Only the stacks: a whole tree takes long enough to keep a request waiting.
 */
import type { FileId } from './types';
import type { Session } from './session';

/** Runs `run` in a later task; returns a cancel. */
export type Later = (run: () => void) => () => void;

const nextTask: Later = (run) => {
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
};

/** The warm-up not run yet, per session. */
const pending = new WeakMap<Session, () => void>();

/** The default view's call tree of a file; null when it has no profile or was closed. */
function defaultView(session: Session, id: FileId) {
  try {
    const profile = session.profile(id);
    return session.lazyCallTree(id, { sampleType: profile.defaultSampleType, transforms: [] });
  } catch {
    return null;
  }
}

/** Which files to warm after `opened` was added: it and the profile opened before it. */
export function compareCandidates(session: Session, opened: FileId): FileId[] {
  // An archive entry not read is no candidate: warming it would read it from the archive.
  const profiles = session.ids().filter((id) => session.isRead(id) && session.get(id).profile);
  const at = profiles.indexOf(opened);
  return at > 0 ? [opened, profiles[at - 1]] : [];
}

export function warmCompareCandidates(session: Session, opened: FileId, later: Later = nextTask): void {
  const ids = compareCandidates(session, opened);
  if (ids.length === 0) return;
  // Files opened together warm only the last pair: each warm-up takes a place in the
  // session's few cached call trees, which the one on screen should keep.
  pending.get(session)?.();
  pending.set(
    session,
    later(() => {
      pending.delete(session);
      for (const id of ids) defaultView(session, id)?.prepare();
    }),
  );
}
