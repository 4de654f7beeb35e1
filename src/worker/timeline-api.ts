/**
 * The trace timeline's part of the worker API. The timeline is built on first use by a
 * second scan of the trace (cancellable, with progress); afterwards the UI asks for what a
 * viewport needs: tiles for a window, a pixel width and the lanes in view (transferred
 * typed arrays), the goroutine lanes to list, and the slice under the pointer.
 */
import type { GoroutineLaneSort } from '../analysis/trace/timeline/goroutine-lanes';
import type { LaneInfo, LaneKind } from '../analysis/trace/timeline/lanes';
import type { RangeGroup } from '../analysis/trace/timeline/range-groups';
import type { SliceDetail } from '../analysis/trace/timeline/slice';
import type { Tiles } from '../analysis/trace/timeline/tiles';
import type { FileId } from './types';

export type { GoroutineLaneSort, LaneInfo, LaneKind, RangeGroup, SliceDetail, Tiles };

export interface TimelineOpenRequest {
  file: FileId;
}

export interface TimelineInfo {
  endNs: number;
  /** GC, STW, counters, CPU samples and the P lanes, top to bottom. */
  lanes: LaneInfo[];
  goroutines: number;
  /** Start function (string id) of each goroutine slot, for colours (transferred). */
  slotName: Int32Array;
  /** String id of runtime.gcBgMarkWorker (its slices are GC work), -1 when absent. */
  gcWorkerName: number;
}

export interface TimelineLanesRequest {
  file: FileId;
  /** A pattern over "G <id> <start function>"; "" lists all. */
  filter: string;
  sort: GoroutineLaneSort;
  offset: number;
  limit: number;
}

export interface TimelineLanesAnswer {
  /** Index of the first lane in the filtered, sorted list. */
  offset: number;
  lanes: LaneInfo[];
  /** Goroutine lanes matching the filter. */
  total: number;
}

export interface TimelineTilesRequest {
  file: FileId;
  /** The window, relative ns. */
  t0: number;
  t1: number;
  /** Buckets across the window: its width in device pixels. */
  width: number;
  /** Lane keys, in the order of the answer's lanes. */
  lanes: string[];
}

export interface TimelineSliceRequest {
  file: FileId;
  lane: string;
  timeNs: number;
  /** Stacks and unblocker too: on a big trace this reads the window around it again. */
  detail: boolean;
}

export interface TimelineRangeRequest {
  file: FileId;
  t0: number;
  t1: number;
}

export interface TimelineRangeAnswer {
  t0: number;
  t1: number;
  /** Goroutines that existed in the range. */
  goroutines: number;
  groups: RangeGroup[];
}

/** A GC cycle, pause, user task or region under the pointer. */
export interface SpanAnswer {
  name: string;
  startNs: number;
  endNs: number;
}

/** Tiles, and whether finer ones are being read (ask again shortly for them). */
export interface TilesAnswer extends Tiles {
  pending: boolean;
}

export interface TimelineApi {
  timelineOpen(p: TimelineOpenRequest): TimelineInfo;
  timelineLanes(p: TimelineLanesRequest): TimelineLanesAnswer;
  timelineTiles(p: TimelineTilesRequest): TilesAnswer;
  timelineSlice(p: TimelineSliceRequest): SliceDetail | null;
  /** The span of a GC, STW, task or region lane at a time. */
  timelineSpan(p: Omit<TimelineSliceRequest, 'detail'>): SpanAnswer | null;
  /** The goroutine analysis of a range: groups by start function, times inside the range. */
  timelineRange(p: TimelineRangeRequest): TimelineRangeAnswer;
}
