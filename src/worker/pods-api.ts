/** The pods part of the worker API: an archive's replicas seen together. */
import type { PodStackRow } from '../analysis/pods/goroutines';
import type { FileId, FileInfo, ViewOptions } from './types';

export type { PodStackRow };

export interface MergeReplicasRequest {
  /** The archive the files came from: the merge is registered as made from it. */
  archive: FileId;
  /** The profile kind merged ("heap"), for the merge's name. */
  kind: string;
  /** One file per pod (the pod's latest snapshot of the kind). */
  parts: { id: FileId; pod: string }[];
}

export interface PodGoroutinesRequest {
  /** Each pod's goroutine files (profiles or dumps), oldest first. */
  pods: { pod: string; ids: FileId[] }[];
  /** Rows to answer, flagged first (default 200). */
  limit?: number;
}

export interface PodGoroutinesAnswer {
  pods: string[];
  rows: PodStackRow[];
  /** Stacks in all, of which `rows` are the first. */
  total: number;
}

export interface FramePodsRequest extends ViewOptions {
  file: FileId;
  /** Frame names from the root to the frame ([] for the root). */
  path: string[];
  /** Pods to name, the largest first (default 5); the rest are summed as others. */
  limit?: number;
}

/** A frame's value pod by pod, in a profile whose samples carry a pod label (a merge of replicas). */
export interface FramePodsAnswer {
  /** The frame's value in the view: the pods' values (and `unlabelled`) add up to it. */
  value: number;
  unit: string;
  top: { pod: string; value: number }[];
  others: { pods: number; value: number };
  /** Samples without a pod label. */
  unlabelled: number;
}

export interface PodsApi {
  /** A frame's value per pod in a merge of replicas; null when its samples carry no pod label or the path is not in the view. */
  framePods(p: FramePodsRequest): FramePodsAnswer | null;
  /** An archive entry's whole FileInfo (its summary at open is partial: FileInfo.partial), read from the archive if need be. */
  entryInfo(p: { id: FileId }): FileInfo;
  /** Goroutine stacks with their count per pod, one pod only or growing everywhere flagged. */
  podGoroutines(p: PodGoroutinesRequest): PodGoroutinesAnswer;
  /** The parts merged as pprof merges (sample types must agree): a profile of its own with a `pod` label on every sample. */
  mergeReplicas(p: MergeReplicasRequest): FileInfo;
}
