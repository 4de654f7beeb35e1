/**
 * The goroutine part of the worker API: stack groups, creators, snapshot comparison and
 * leak suspects of goroutine files (pprof goroutine profiles, debug=1 and debug=2 text).
 * Every answer is small and paged; the UI never holds the goroutines themselves.
 */
import type {
  CompareRow,
  CreatorGroup,
  FrameInfo,
  GroupRow,
  GroupSortKey,
  LabelCount,
  LeakSuspect,
  StateCount,
} from '../analysis/goroutines';
import type { FileId, Granularity } from './types';

export type { CompareRow, FrameInfo, GroupRow, GroupSortKey, LabelCount, LeakSuspect, StateCount };

/** How the goroutines of a file were written. */
export type GoroutineEncoding = 'debug=0' | 'debug=1' | 'debug=2';

export interface GoroutineFileRequest {
  file: FileId;
  /** Stack groups by function, or by function and line. */
  granularity: Granularity;
}

export interface GoroutineOverview {
  file: FileId;
  name: string;
  encoding: GoroutineEncoding;
  /** Goroutines in all. */
  total: number;
  /** Distinct stacks at this granularity. */
  groups: number;
  /** States with their goroutine counts, most first; empty for debug=0/1. */
  states: StateCount[];
  /** The encoding carries states, wait minutes and created-by (debug=2 and crash dumps). */
  perGoroutine: boolean;
  /** Some goroutines carry pprof labels (string ones): the table shows a Labels column. */
  labelled: boolean;
  /** Profile time in ns since the epoch; 0 when the file has none (text dumps). */
  timeNanos: number;
  warnings: string[];
}

export interface GoroutineGroupsRequest extends GoroutineFileRequest {
  offset: number;
  limit: number;
  sort: GroupSortKey;
  /** Omitted: descending for numbers, ascending for names. */
  desc?: boolean;
  /** Case-insensitive substring of any function or file in the stack. */
  text?: string;
  /** Only goroutines in this state. */
  state?: string | null;
}

export interface GoroutineGroupsAnswer {
  /** Groups that match the filters (the virtual row count). */
  matched: number;
  matchedGoroutines: number;
  total: number;
  rows: GroupRow[];
}

export interface GoroutineStackRequest extends GoroutineFileRequest {
  /** GroupRow.group. */
  group: number;
}

export interface GoroutineStackAnswer {
  /** Leaf first, with file:line. */
  frames: FrameInfo[];
}

export interface GoroutineCreatorsRequest extends GoroutineFileRequest {
  offset: number;
  limit: number;
  /** At most this many "blocked in" entries per creator (the rest are summed up). */
  blockedLimit: number;
}

export interface CreatorRow extends CreatorGroup {
  /** Entries of blockedIn left out by blockedLimit, and their goroutines. */
  moreBlocked: number;
  moreBlockedCount: number;
}

export interface GoroutineCreatorsAnswer {
  rows: CreatorRow[];
  rowCount: number;
  total: number;
  /** False when the encoding has no created-by (groups are by start function). */
  hasCreatedBy: boolean;
}

export interface GoroutineFileChoice {
  file: FileId;
  name: string;
  encoding: GoroutineEncoding;
  timeNanos: number;
  total: number;
}

export interface GoroutinePairsRequest {
  /** The open files (any kind; goroutine files are picked out). */
  files: FileId[];
}

export interface GoroutinePairsAnswer {
  /** Goroutine files, earliest first. */
  files: GoroutineFileChoice[];
  /** 'time' when every file has a profile time, else 'drop' (the order they were opened). */
  orderedBy: 'time' | 'drop';
  /** The two most recent, earlier one as `before`; null with fewer than two. */
  suggested: { before: FileId; after: FileId } | null;
}

export type GoroutineCompareSort = 'delta' | 'before' | 'after' | 'waitGrowth' | 'name';

export interface GoroutineCompareRequest {
  before: FileId;
  after: FileId;
  granularity: Granularity;
  offset: number;
  limit: number;
  /** Default 'delta' (growth), descending. */
  sort?: GoroutineCompareSort;
  desc?: boolean;
  text?: string;
}

export interface GoroutineCompareAnswer {
  headline: string;
  beforeTotal: number;
  afterTotal: number;
  delta: number;
  /** Stacks that hold most of the growth, and their share (0–1). */
  topStacks: number;
  topShare: number;
  newGroups: number;
  goneGroups: number;
  /** Rows that match the filter. */
  rowCount: number;
  rows: CompareRow[];
}

export interface GoroutineLeaksRequest extends GoroutineFileRequest {
  /** An earlier snapshot to measure growth against, or null. */
  previous: FileId | null;
  limit: number;
}

export interface GoroutineLeaksAnswer {
  suspects: LeakSuspect[];
  total: number;
  previous: FileId | null;
}

export interface GoroutineText {
  /** The groups as debug=1 text (analysis/goroutines/debug1-text.ts). */
  text: string;
  name: string;
}

export interface GoroutineApi {
  goroutineOverview(p: GoroutineFileRequest): GoroutineOverview;
  goroutineGroups(p: GoroutineGroupsRequest): GoroutineGroupsAnswer;
  goroutineText(p: GoroutineFileRequest): GoroutineText;
  goroutineStack(p: GoroutineStackRequest): GoroutineStackAnswer;
  goroutineCreators(p: GoroutineCreatorsRequest): GoroutineCreatorsAnswer;
  goroutinePairs(p: GoroutinePairsRequest): GoroutinePairsAnswer;
  goroutineCompare(p: GoroutineCompareRequest): GoroutineCompareAnswer;
  goroutineLeaks(p: GoroutineLeaksRequest): GoroutineLeaksAnswer;
}
