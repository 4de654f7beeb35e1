/**
 * What every part of the worker API shares: file ids, what is known about an open file,
 * the view options of a profile view and the flame graph's answer. Feature API files
 * import from here, never from each other.
 */
import type { FlameNode } from '../analysis/calltree/flame';
import type { Granularity } from '../analysis/calltree/frame-keys';
import type { Transform } from '../analysis/transforms/kinds';
import type { FileKind } from '../model/file-kind';
import type { ValueType } from '../model/profile';

export type { FlameNode, Granularity };

export type FileId = number;

/** What the info panel and the sample-type switcher need about one Profile. */
export interface ProfileSummary {
  source: string;
  sampleTypes: ValueType[];
  defaultSampleType: number;
  periodType: ValueType | null;
  period: number;
  timeNanos: number;
  durationNanos: number;
  comments: string[];
  sampleCount: number;
  /** Sum of every sample's value, one per sample type. */
  totals: number[];
  dropFrames: string;
  keepFrames: string;
  /** Why drop_frames could not be applied, when it could not. */
  pruneError?: string;
  mappingCount: number;
  /** Absent in an archive entry's summary (FileInfo.partial) until the entry is read. */
  locationCount?: number;
  functionCount?: number;
  /** Keys of the labels its samples carry (pprof -tags), sorted. */
  labelKeys: string[];
}

export interface FileInfo {
  id: FileId;
  name: string;
  size: number;
  kind: FileKind;
  /** Present once a Profile was built from the file. */
  profile?: ProfileSummary;
  /** For a profile made from another file (inside a trace): that file. It has no bytes of its own. */
  derivedFrom?: FileId;
  /** For an archive: its entries, each a file of its own (name: the path inside the archive), in the archive's order. */
  entries?: FileInfo[];
  /** For an entry of an archive: the archive. */
  inArchive?: FileId;
  /** An archive entry summarised without being read in full (its profile lacks the counts of functions and locations): `entryInfo` answers the whole. */
  partial?: true;
  warnings: string[];
  /** Set when the file could not be opened: what it seemed to be and what is wrong. */
  error?: string;
}

/**
 * A profile view: its sample type and its transforms in order (analysis/transforms): pprof's
 * granularity, name filters and label filters. The session keys call trees by both.
 */
export interface ViewOptions {
  sampleType: number;
  transforms: Transform[];
}

export interface FlameAnswer {
  root: FlameNode;
  /** Total of the whole (filtered) profile, for "% of total". */
  total: number;
  /** The names along zoomPath that exist in the profile (the breadcrumb). */
  path: string[];
  unit: string;
  nodeCount: number;
}

