/**
 * The profile part of the worker API: flame graph, top table, search and the labels
 * breakdown of any file that holds a Profile.
 */
import type { InlineMark } from '../analysis/calltree/inline-marks';
import type { TopSort } from '../analysis/calltree/top';
import type { LabelKeyShare } from '../analysis/labels/breakdown';
import type { FileId, FlameAnswer, ViewOptions } from './types';

export type { LabelKeyShare };

export interface FlameRequest extends ViewOptions {
  file: FileId;
  /** Frame names from the root to the zoomed node; [] for the whole profile. */
  zoomPath: string[];
  /** Drop nodes narrower than this fraction of the zoomed node (e.g. 1/(2·width px)). */
  minFraction: number;
  /** The inverted (bottom-up) tree: functions samples end in at the root, callers above. */
  inverted?: boolean;
}

export type { TopSort as TopSortKey };

export interface TopRequest extends ViewOptions {
  file: FileId;
  sort: TopSort;
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
  /** pprof's mark when every call into the function was inlined, or only some were. */
  inline?: InlineMark;
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

export interface TreeRowsRequest extends ViewOptions {
  file: FileId;
  inverted: boolean;
  /** Names from the root to the node whose children are asked for; [] for the top level. */
  path: string[];
}

/** One child in a call tree table, largest total first. */
export interface TreeRow {
  name: string;
  self: number;
  total: number;
  hasChildren: boolean;
}

export interface TreeRowsAnswer {
  /** Empty when the path does not exist in this view. */
  rows: TreeRow[];
  total: number;
  unit: string;
}

export interface SandwichRequest extends ViewOptions {
  file: FileId;
  /** The function, as the view's granularity names it. */
  name: string;
  /** Zoom paths of the two flame graphs, each from the function outwards ([] for the whole). */
  callersPath: string[];
  calleesPath: string[];
  minFraction: number;
}

/** One caller or callee with the value that flowed through its edge (pprof's -peek). */
export interface PeekRow {
  name: string;
  value: number;
}

export interface SandwichAnswer {
  /** False when the view has no such function (another granularity, filtered away). */
  found: boolean;
  flat: number;
  cum: number;
  total: number;
  unit: string;
  callers: PeekRow[];
  callees: PeekRow[];
  /** Rooted at the function: callers as parents drawn above it, callees below. */
  callersFlame: FlameAnswer | null;
  calleesFlame: FlameAnswer | null;
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

export interface ProfileApi {
  flame(p: FlameRequest): FlameAnswer;
  top(p: TopRequest): TopAnswer;
  search(p: SearchRequest): SearchAnswer;
  labels(p: LabelsRequest): LabelsAnswer;
  sandwich(p: SandwichRequest): SandwichAnswer;
  treeRows(p: TreeRowsRequest): TreeRowsAnswer;
}
