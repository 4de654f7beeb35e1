/** The pods handlers: merges of replicas, kept as files made from their archive (asking again finds the same file). */
import { goroutineStackCounts } from '../analysis/goroutines';
import type { StackCount } from '../analysis/goroutines/stack-key';
import { sampleValues } from '../analysis/calltree/calltree';
import { resolvePath } from '../analysis/calltree/flame';
import { nodePodShares, samplePods } from '../analysis/pods/frame-pods';
import { podGoroutines } from '../analysis/pods/goroutines';
import { mergeProfiles } from '../analysis/pods/merge';
import type { FileKind } from '../model/file-kind';
import type { Handlers, RequestContext } from './context';
import type { FramePodsAnswer, FramePodsRequest, MergeReplicasRequest, PodGoroutinesAnswer, PodGoroutinesRequest, PodsApi } from './pods-api';
import type { Session } from './session';
import { summarize } from './summary';
import type { FileId, FileInfo } from './types';

/** What the merge is: a profile of its parts' kind (a dump's stacks merge as a goroutine profile). */
function mergedKind(k: FileKind): FileKind {
  if (k.kind === 'pprof') return { kind: 'pprof', profile: k.profile };
  return { kind: 'pprof', profile: k.kind === 'goroutine-dump' ? 'goroutine' : 'other' };
}

/** A goroutine file's counts per normalized stack (the same for debug=0, 1 and 2). */
function stackCounts(session: Session, id: FileId): StackCount[] {
  const f = session.get(id);
  const profile = session.profile(id);
  return session.memo.get('pod-stack-counts', String(id), [profile], () => goroutineStackCounts({ profile, dump: f.goroutines ?? null }));
}

export const podsHandlers = {
  framePods(p: FramePodsRequest, { session }: RequestContext): FramePodsAnswer | null {
    const profile = session.profile(p.file);
    const pods = session.memo.get('sample-pods', String(p.file), [profile], () => samplePods(profile));
    if (!pods) return null;
    const tree = session.callTree(p.file, p);
    const at = resolvePath(tree, p.path);
    if (at.path.length !== p.path.length) return null;
    const shares = nodePodShares(tree, at.node, sampleValues(profile, p.sampleType), pods);
    const limit = p.limit ?? 5;
    const rest = shares.pods.slice(limit);
    return {
      value: tree.total[at.node],
      unit: profile.sampleTypes[p.sampleType]?.unit ?? '',
      top: shares.pods.slice(0, limit),
      others: { pods: rest.length, value: rest.reduce((n, x) => n + x.value, 0) },
      unlabelled: shares.unlabelled,
    };
  },

  entryInfo(p: { id: FileId }, { session }: RequestContext): FileInfo {
    return session.get(p.id).info;
  },

  podGoroutines(p: PodGoroutinesRequest, { session }: RequestContext): PodGoroutinesAnswer {
    session.require(p.pods.flatMap((x) => x.ids));
    const rows = podGoroutines(p.pods.map((x) => ({ pod: x.pod, snapshots: x.ids.map((id) => stackCounts(session, id)) })));
    return { pods: p.pods.map((x) => x.pod), rows: rows.slice(0, p.limit ?? 200), total: rows.length };
  },

  mergeReplicas(p: MergeReplicasRequest, { session }: RequestContext): FileInfo {
    const key = `merge|${p.parts.map((x) => x.id).join(',')}`;
    const known = session.derived(p.archive, key);
    if (known) return known.info;
    session.require(p.parts.map((x) => x.id));
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
