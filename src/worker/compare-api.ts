/**
 * The compare part of the worker API: diffs of two profiles and growth across a series.
 * Sample types travel by name (indices differ between files).
 */
import type { DiffMeaning, DiffOptions } from '../analysis/diff/meaning';
import type { DiffFlameNode } from '../analysis/diff/flame';
import type { DiffPeek } from '../analysis/diff/peek';
import type { DiffSortKey, DiffStatus } from '../analysis/diff/top';
import type { SeriesMeasure } from '../analysis/series/rank';
import type { Transform } from '../analysis/transforms/kinds';
import type { FileId, FlameAnswer } from './types';

export type { DiffMeaning, DiffOptions, DiffFlameNode, DiffSortKey, DiffStatus, SeriesMeasure };

/** The view both sides share: its transforms (granularity, pprof's name and label filters). */
export interface CompareView {
  transforms: Transform[];
}

export interface DiffRequest extends CompareView, DiffOptions {
  base: FileId;
  target: FileId;
  /** Sample type name, present in both profiles. */
  sampleType: string;
}

export interface DiffTotalsInfo {
  /** Base total and target total (after -normalize scaling), before filters. */
  base: number;
  target: number;
  /** The target's own total, unscaled. */
  targetRaw: number;
  /** What every percentage is of (pprof's "of N total"). */
  percentOf: number;
  /** Factor the target was multiplied by (1 without -normalize). */
  scale: number;
}

export interface DiffTopRequest extends DiffRequest {
  sort: DiffSortKey;
  descending: boolean;
  /** Case-insensitive substring filter over names. */
  filter?: string;
  offset: number;
  limit: number;
}

export interface DiffTopRow {
  name: string;
  file: string;
  flatBefore: number;
  flatAfter: number;
  cumBefore: number;
  cumAfter: number;
  flatDelta: number;
  cumDelta: number;
  /** Signed percentages of totals.percentOf (pprof prints their magnitude). */
  flatPercent: number;
  cumPercent: number;
  /** Running sum of flatDelta down the rows as sorted, as a percentage (pprof's sum%). */
  sumPercent: number;
  status: DiffStatus;
}

export interface DiffTopAnswer {
  rows: DiffTopRow[];
  rowCount: number;
  totals: DiffTotalsInfo;
  unit: string;
}

export interface DiffFlameRequest extends DiffRequest {
  zoomPath: string[];
  minFraction: number;
  /** Also answer each side's ordinary flame graph at the same zoom path. */
  sides?: boolean;
}

export interface DiffFlameAnswer {
  root: DiffFlameNode;
  path: string[];
  totals: DiffTotalsInfo;
  unit: string;
  nodeCount: number;
  sides?: { base: FlameAnswer; target: FlameAnswer };
}

export interface DiffPeekRequest extends DiffRequest {
  /** The function, as the view's granularity names it. */
  name: string;
}

export interface DiffSandwichRequest extends DiffPeekRequest {
  /** Zoom paths in the callers and the callees graphs, from the function ([]: the function). */
  callersPath: string[];
  calleesPath: string[];
  /** Frames narrower than this share of the function's larger side are summed, not drawn. */
  minFraction: number;
}

/** The function's callers and callees as diff flame graphs: null when neither profile has it. */
export interface DiffSandwichAnswer {
  callers: DiffFlameAnswer | null;
  callees: DiffFlameAnswer | null;
}

/** pprof's -peek on the diff: each caller's and callee's value before, after and its change. */
export interface DiffPeekAnswer {
  /** Null when neither profile has the function in this view. */
  peek: DiffPeek | null;
  totals: DiffTotalsInfo;
  unit: string;
}

export interface SeriesRequest extends CompareView {
  /** Three or more files; ordered here by profile time, then by drop order. */
  files: FileId[];
  sampleType: string;
  measure: SeriesMeasure;
  filter?: string;
  limit: number;
}

export interface SeriesSnapshot {
  file: FileId;
  name: string;
  timeNanos: number;
  total: number;
}

export interface SeriesRow {
  name: string;
  file: string;
  /** One value per snapshot, in snapshot order (the sparkline). */
  values: number[];
  slope: number;
  slopeShare: number;
  grewSteps: number;
  shrankSteps: number;
  steps: number;
  change: number;
}

export interface SeriesAnswer {
  snapshots: SeriesSnapshot[];
  rows: SeriesRow[];
  rowCount: number;
  unit: string;
}

export interface SeriesGroupsRequest {
  files: FileId[];
}

export interface SeriesGroupsAnswer {
  /** Three or more snapshots of one kind from one program, older first: series candidates. */
  groups: FileId[][];
}

export interface CompareApi {
  diffTop(p: DiffTopRequest): DiffTopAnswer;
  diffFlame(p: DiffFlameRequest): DiffFlameAnswer;
  diffPeek(p: DiffPeekRequest): DiffPeekAnswer;
  diffSandwich(p: DiffSandwichRequest): DiffSandwichAnswer;
  seriesRank(p: SeriesRequest): SeriesAnswer;
  seriesGroups(p: SeriesGroupsRequest): SeriesGroupsAnswer;
}
