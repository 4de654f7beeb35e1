/**
 * The typed contract between the UI thread and the parsing worker.
 * The UI sends bytes once (transferred), then asks questions whose answers are
 * small and shaped for drawing. Nothing here holds a whole profile.
 */
import type { ViewFilters } from '../analysis/calltree/view-filters';
import type { LabelKeyShare, LabelValueShare } from '../analysis/labels/breakdown';
import type { FileKind } from '../model/file-kind';
import type { ValueType } from '../model/profile';
import type { CompareApi } from './compare-api';
import type { GoroutineApi } from './goroutine-api';
import type { TraceApi } from './trace-api';

export type { LabelKeyShare, LabelValueShare };

export type FileId = number;

export type Granularity = 'function' | 'line';

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
  locationCount: number;
  functionCount: number;
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
  /** For a profile made from another file (inside a trace): that file's name. It has no bytes of its own. */
  derivedFrom?: string;
  warnings: string[];
  /** Set when the file could not be opened: what it seemed to be and what is wrong. */
  error?: string;
}

/**
 * pprof's view options: regexes over frame names, as -focus/-ignore/-hide mean them, and
 * sample filters over labels, as -tagfocus/-tagignore do (analysis/labels/filters.ts).
 */
export interface ViewOptions extends ViewFilters {
  sampleType: number;
  granularity: Granularity;
}

export interface FlameRequest extends ViewOptions {
  file: FileId;
  /** Frame names from the root to the zoomed node; [] for the whole profile. */
  zoomPath: string[];
  /** Drop nodes narrower than this fraction of the zoomed node (e.g. 1/(2·width px)). */
  minFraction: number;
}

export interface FlameNode {
  name: string;
  /** Cumulative value of this node. */
  value: number;
  /** Value of samples ending exactly here. */
  self: number;
  /** Children narrower than minFraction are folded into `hidden`. */
  hidden: number;
  children: FlameNode[];
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

export type TopSortKey = 'flat' | 'cum' | 'name';

export interface TopRequest extends ViewOptions {
  file: FileId;
  sort: TopSortKey;
  descending: boolean;
  /** Case-insensitive substring filter over names. */
  filter?: string;
  offset: number;
  limit: number;
}

export interface TopRow {
  name: string;
  file: string;
  flat: number;
  cum: number;
  /** Running sum of flat down the rows in the requested order, as pprof's sum% column. */
  sum: number;
}

export interface TopAnswer {
  rows: TopRow[];
  /** Rows that match the filter, for virtual scrolling. */
  rowCount: number;
  total: number;
  unit: string;
}

export interface SearchRequest extends ViewOptions {
  file: FileId;
  pattern: string;
}

export interface SearchAnswer {
  /** Value of samples with at least one matching frame, and its share of the total. */
  matched: number;
  total: number;
  functions: number;
}

export interface LabelsRequest extends ViewOptions {
  file: FileId;
}

/** pprof's -tags report over the samples the view keeps. */
export interface LabelsAnswer {
  /** Each key with its largest values only (LABEL_VALUES_SENT); valueCount says how many it has. */
  keys: (LabelKeyShare & { valueCount: number })[];
  /** The profile's total: what every percentage refers to, as in pprof. */
  total: number;
  unit: string;
}

/** Every call the UI can make: method name → (params) => result. */
export interface WorkerApi {
  openFile(p: { id: FileId; name: string; bytes: ArrayBuffer }): FileInfo;
  closeFile(p: { id: FileId }): void;
  flame(p: FlameRequest): FlameAnswer;
  top(p: TopRequest): TopAnswer;
  search(p: SearchRequest): SearchAnswer;
  labels(p: LabelsRequest): LabelsAnswer;
  diffTop: CompareApi['diffTop'];
  diffFlame: CompareApi['diffFlame'];
  seriesRank: CompareApi['seriesRank'];
  comparablePairs: CompareApi['comparablePairs'];
  goroutineOverview: GoroutineApi['goroutineOverview'];
  goroutineGroups: GoroutineApi['goroutineGroups'];
  goroutineStack: GoroutineApi['goroutineStack'];
  goroutineCreators: GoroutineApi['goroutineCreators'];
  goroutinePairs: GoroutineApi['goroutinePairs'];
  goroutineCompare: GoroutineApi['goroutineCompare'];
  goroutineLeaks: GoroutineApi['goroutineLeaks'];
  traceSummary: TraceApi['traceSummary'];
  traceGroups: TraceApi['traceGroups'];
  traceGoroutines: TraceApi['traceGoroutines'];
  traceCreation: TraceApi['traceCreation'];
  traceProfiles: TraceApi['traceProfiles'];
  openDerived: TraceApi['openDerived'];
  openSnapshot: TraceApi['openSnapshot'];
  traceSnapshot: TraceApi['traceSnapshot'];
  traceSnapshotDelta: TraceApi['traceSnapshotDelta'];
  traceHeap: TraceApi['traceHeap'];
  traceTasks: TraceApi['traceTasks'];
}

export type Method = keyof WorkerApi;
export type Params<M extends Method> = Parameters<WorkerApi[M]>[0];
export type Result<M extends Method> = ReturnType<WorkerApi[M]>;

export interface RequestMessage<M extends Method = Method> {
  type: 'request';
  seq: number;
  method: M;
  params: Params<M>;
}

export interface CancelMessage {
  type: 'cancel';
  file: FileId;
}

export type ToWorker = RequestMessage | CancelMessage;

export type FromWorker =
  | { type: 'result'; seq: number; result: unknown }
  | { type: 'error'; seq: number; message: string }
  | { type: 'progress'; file: FileId; done: number; total: number; phase: string };
