/**
 * An archive's files as pods → kinds → snapshots: the pod from the path (pod-name.ts),
 * the kind from the content (never the name), the time from the profile itself, else
 * from the name. Pods in natural order (api-2 before api-10), files with no pod last.
 */
import type { FileKind } from '../../model/file-kind';
import { nameTimeNanos } from './name-time';
import { podOf } from './pod-name';

export interface PodFile {
  id: number;
  /** The path inside the archive. */
  path: string;
  kind: FileKind;
  /** The profile's own time (0 or absent when it has none). */
  timeNanos?: number;
  /** Could not be read: kept, under the pod it belongs to. */
  failed?: boolean;
}

export interface Snapshot {
  id: number;
  path: string;
  timeNanos: number | null;
  failed: boolean;
}

export interface KindGroup {
  kind: string;
  snapshots: Snapshot[];
}

export interface PodGroup {
  pod: string;
  kinds: KindGroup[];
  /** Files under the pod, all kinds. */
  count: number;
}

export const NO_POD = '(no pod)';

/** Kinds in the order people look at them; the unreadable last. */
const KIND_ORDER = ['heap', 'allocs', 'goroutine', 'goroutineleak', 'cpu', 'mutex', 'block', 'mutex or block', 'threadcreate', 'trace', 'collapsed stacks', 'other', 'unreadable'];

export function kindName(k: FileKind): string {
  switch (k.kind) {
    case 'pprof':
      return k.profile === 'contention' ? 'mutex or block' : k.profile;
    case 'goroutine-dump':
      return 'goroutine';
    case 'trace':
      return 'trace';
    case 'folded':
      return 'collapsed stacks';
    default:
      return 'unreadable';
  }
}

const natural = new Intl.Collator('en', { numeric: true }).compare;

export function groupByPod(files: PodFile[]): PodGroup[] {
  const pods = new Map<string, Map<string, Snapshot[]>>();
  for (const f of files) {
    const pod = podOf(f.path) ?? NO_POD;
    const kind = f.failed ? 'unreadable' : kindName(f.kind);
    let kinds = pods.get(pod);
    if (!kinds) pods.set(pod, (kinds = new Map()));
    let snaps = kinds.get(kind);
    if (!snaps) kinds.set(kind, (snaps = []));
    snaps.push({ id: f.id, path: f.path, timeNanos: f.timeNanos || nameTimeNanos(baseName(f.path)), failed: !!f.failed });
  }
  const byTime = (a: Snapshot, b: Snapshot) => (a.timeNanos ?? Infinity) - (b.timeNanos ?? Infinity) || natural(a.path, b.path);
  return [...pods]
    .map(([pod, kinds]) => {
      const list = [...kinds].map(([kind, snapshots]) => ({ kind, snapshots: snapshots.sort(byTime) }));
      list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
      return { pod, kinds: list, count: list.reduce((n, k) => n + k.snapshots.length, 0) };
    })
    .sort((a, b) => Number(a.pod === NO_POD) - Number(b.pod === NO_POD) || natural(a.pod, b.pod));
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
