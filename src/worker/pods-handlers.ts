/** The pods handlers: merges of replicas, kept as files made from their archive (asking again finds the same file). */
import { mergeProfiles } from '../analysis/pods/merge';
import type { FileKind } from '../model/file-kind';
import type { Handlers, RequestContext } from './context';
import type { MergeReplicasRequest, PodsApi } from './pods-api';
import { summarize } from './summary';
import type { FileInfo } from './types';

/** What the merge is: a profile of its parts' kind (a dump's stacks merge as a goroutine profile). */
function mergedKind(k: FileKind): FileKind {
  if (k.kind === 'pprof') return { kind: 'pprof', profile: k.profile };
  return { kind: 'pprof', profile: k.kind === 'goroutine-dump' ? 'goroutine' : 'other' };
}

export const podsHandlers = {
  mergeReplicas(p: MergeReplicasRequest, { session }: RequestContext): FileInfo {
    const key = `merge|${p.parts.map((x) => x.id).join(',')}`;
    const known = session.derived(p.archive, key);
    if (known) return known.info;
    const files = p.parts.map((x) => session.get(x.id));
    // A MergeError names the two files that disagree; it reaches the caller as the call's error.
    const profile = mergeProfiles(p.parts.map((x, i) => ({ name: files[i].info.name, pod: x.pod, profile: session.profile(x.id) })));
    return session.addDerived(
      p.archive,
      key,
      {
        name: `${p.kind} · ${files.length} pods merged`,
        size: files.reduce((n, f) => n + f.info.size, 0),
        kind: mergedKind(files[0].info.kind),
        warnings: [],
        profile: summarize(profile),
      },
      profile,
    );
  },
} satisfies Handlers<PodsApi>;
