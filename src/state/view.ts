/**
 * How the selected profile is shown: sample type, transforms (granularity, pprof filters),
 * zoom, search, active tab and theme. The shareable part is mirrored in the URL hash.
 */
import { create } from 'zustand';
import type { FileId, ProfileSummary } from '../worker/types';
import type { Transform } from '../analysis/transforms/kinds';
import { granularityOf, withTransform } from '../analysis/transforms/list';
import { DEFAULT_HASH_STATE, type HashState, type Span, type ViewTab } from './hash';
import type { GoroutineLaneSort } from '../analysis/trace/timeline/goroutine-lanes';

export type Theme = 'light' | 'dark';

export interface ViewState {
  tab: ViewTab;
  /** Explicit choice per file (index into its sampleTypes). */
  sampleTypeByFile: Record<FileId, number>;
  /** Name of the last chosen type (or the hash's): used for files without an explicit choice. */
  preferredSampleType: string | null;
  /** In the order they were added; invalid ones stay here (and in the URL) but are not applied. */
  transforms: Transform[];
  zoomPath: string[];
  search: string;
  theme: Theme;
  helpOpen: boolean;
  /** The trace timeline's window (null: the whole trace) and selected range. */
  timelineView: Span | null;
  timelineRange: Span | null;
  /** Which goroutine lanes the timeline lists. */
  timelineLanes: { filter: string; sort: GoroutineLaneSort };
  /** The start-function group open in the trace's goroutine analysis. */
  traceGroup: string | null;
  /** The function the callers/callees and source views are about. */
  sandwichFunc: string | null;
  /** Flame graph and call tree bottom-up. */
  inverted: boolean;
}

export const useView = create<ViewState>()(() => ({
  tab: DEFAULT_HASH_STATE.view,
  sampleTypeByFile: {},
  preferredSampleType: null,
  transforms: [],
  zoomPath: [],
  search: '',
  theme: 'light',
  helpOpen: false,
  timelineView: null,
  timelineRange: null,
  timelineLanes: { filter: '', sort: 'start' },
  traceGroup: null,
  sandwichFunc: null,
  inverted: false,
}));

/** The sample type to show: the user's choice for this file, else a same-named type, else pprof's default. */
export function resolveSampleType(
  id: FileId,
  summary: ProfileSummary,
  byFile: Record<FileId, number>,
  preferred: string | null,
): number {
  const chosen = byFile[id];
  if (chosen !== undefined && chosen >= 0 && chosen < summary.sampleTypes.length) return chosen;
  if (preferred) {
    const i = summary.sampleTypes.findIndex((t) => t.type === preferred);
    if (i >= 0) return i;
  }
  return summary.defaultSampleType >= 0 && summary.defaultSampleType < summary.sampleTypes.length
    ? summary.defaultSampleType
    : Math.max(0, summary.sampleTypes.length - 1);
}

/** New transforms; a zoom path names frames, so a new granularity starts unzoomed. */
function withTransforms(s: ViewState, transforms: Transform[]): Partial<ViewState> {
  return granularityOf(transforms) === granularityOf(s.transforms) ? { transforms } : { transforms, zoomPath: [] };
}

export const viewActions = {
  setTab: (tab: ViewTab) => useView.setState({ tab }),
  setSampleType: (id: FileId, index: number, name: string) =>
    useView.setState((s) => ({ sampleTypeByFile: { ...s.sampleTypeByFile, [id]: index }, preferredSampleType: name })),
  /** Adds t, or puts it in place of the transform of its kind; an empty one removes that. */
  setTransform: (t: Transform) => useView.setState((s) => withTransforms(s, withTransform(s.transforms, t))),
  /** Adds a stack transform after the others; the flame graph's zoom path may no longer exist, so it starts unzoomed. */
  addStep: (t: Transform) => useView.setState((s) => ({ ...withTransforms(s, withTransform(s.transforms, t)), zoomPath: [] })),
  /** Undoes the last transform added. */
  undoTransform: () => useView.setState((s) => withTransforms(s, s.transforms.slice(0, -1))),
  removeTransform: (index: number) => useView.setState((s) => withTransforms(s, s.transforms.filter((_, i) => i !== index))),
  clearTransforms: () => useView.setState((s) => withTransforms(s, [])),
  setZoomPath: (zoomPath: string[]) => useView.setState({ zoomPath }),
  resetZoom: () => useView.setState({ zoomPath: [] }),
  setSearch: (search: string) => useView.setState({ search }),
  setTheme: (theme: Theme) => useView.setState({ theme }),
  setHelpOpen: (helpOpen: boolean) => useView.setState({ helpOpen }),
  setTimelineView: (timelineView: Span | null) => useView.setState({ timelineView }),
  setTimelineRange: (timelineRange: Span | null) => useView.setState({ timelineRange }),
  setTimelineLanes: (timelineLanes: ViewState['timelineLanes']) => useView.setState({ timelineLanes }),
  setTraceGroup: (traceGroup: string | null) => useView.setState({ traceGroup }),
  /** The timeline with one goroutine's lane listed. */
  showGoroutineLane: (id: number) =>
    useView.setState((s) => ({ tab: 'timeline', timelineLanes: { filter: `^G ${id}( |$)`, sort: s.timelineLanes.sort } })),
  /** The goroutine analysis with a start function's group open. */
  showTraceGroup: (startFunc: string) => useView.setState({ tab: 'trace', traceGroup: startFunc }),
  /** Bottom-up or top-down; a zoom path names frames of one of them, so it starts unzoomed. */
  setInverted: (inverted: boolean) => useView.setState({ inverted, zoomPath: [] }),
  /** The flame graph zoomed to a node of the call tree. */
  showInFlame: (zoomPath: string[]) => useView.setState({ tab: 'flame', zoomPath }),
  /** The callers/callees view of one function. */
  showSandwich: (name: string) => useView.setState({ tab: 'sandwich', sandwichFunc: name }),
  /** The source lines of one function. */
  showSource: (name: string) => useView.setState({ tab: 'source', sandwichFunc: name }),
  applyHash: (h: HashState) =>
    useView.setState({
      tab: h.view,
      preferredSampleType: h.sampleType,
      transforms: h.transforms,
      timelineView: h.timelineView,
      timelineRange: h.timelineRange,
      sandwichFunc: h.sandwichFunc,
      inverted: h.inverted,
    }),
};

export function hashStateOf(s: ViewState): HashState {
  return {
    view: s.tab,
    sampleType: s.preferredSampleType,
    transforms: s.transforms,
    timelineView: s.timelineView,
    timelineRange: s.timelineRange,
    sandwichFunc: s.sandwichFunc,
    inverted: s.inverted,
  };
}
