/** The pods part of the worker API: an archive's replicas seen together. */
import type { FileId, FileInfo } from './types';

export interface MergeReplicasRequest {
  /** The archive the files came from: the merge is registered as made from it. */
  archive: FileId;
  /** The profile kind merged ("heap"), for the merge's name. */
  kind: string;
  /** One file per pod (the pod's latest snapshot of the kind). */
  parts: { id: FileId; pod: string }[];
}

export interface PodsApi {
  /** The parts merged as pprof merges (sample types must agree): a profile of its own with a `pod` label on every sample. */
  mergeReplicas(p: MergeReplicasRequest): FileInfo;
}
