/**
 * How the selected profile is shown: sample type, granularity, pprof filters,
 * zoom, search, active tab and theme. The shareable part is mirrored in the URL hash.
 */
import { create } from 'zustand';
import type { FileId, Granularity, ProfileSummary } from '../worker/api';
import type { ViewFilterField } from '../analysis/calltree/view-filters';
import { DEFAULT_HASH_STATE, type HashState, type ViewTab } from './hash';

export type Theme = 'light' | 'dark';

export interface ViewState {
  tab: ViewTab;
  /** Explicit choice per file (index into its sampleTypes). */
  sampleTypeByFile: Record<FileId, number>;
  /** Name of the last chosen type (or the hash's): used for files without an explicit choice. */
  preferredSampleType: string | null;
  granularity: Granularity;
  focus: string;
  ignore: string;
  hide: string;
  tagfocus: string;
  tagignore: string;
  zoomPath: string[];
  search: string;
  theme: Theme;
  helpOpen: boolean;
}

export const useView = create<ViewState>()(() => ({
  tab: DEFAULT_HASH_STATE.view,
  sampleTypeByFile: {},
  preferredSampleType: null,
  granularity: 'function',
  focus: '',
  ignore: '',
  hide: '',
  tagfocus: '',
  tagignore: '',
  zoomPath: [],
  search: '',
  theme: 'light',
  helpOpen: false,
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

export const viewActions = {
  setTab: (tab: ViewTab) => useView.setState({ tab }),
  setSampleType: (id: FileId, index: number, name: string) =>
    useView.setState((s) => ({ sampleTypeByFile: { ...s.sampleTypeByFile, [id]: index }, preferredSampleType: name })),
  setGranularity: (granularity: Granularity) => useView.setState({ granularity, zoomPath: [] }),
  setFilter: (key: ViewFilterField, value: string) => useView.setState({ [key]: value }),
  setZoomPath: (zoomPath: string[]) => useView.setState({ zoomPath }),
  resetZoom: () => useView.setState({ zoomPath: [] }),
  setSearch: (search: string) => useView.setState({ search }),
  setTheme: (theme: Theme) => useView.setState({ theme }),
  setHelpOpen: (helpOpen: boolean) => useView.setState({ helpOpen }),
  applyHash: (h: HashState) =>
    useView.setState({
      tab: h.view,
      preferredSampleType: h.sampleType,
      granularity: h.granularity,
      focus: h.focus,
      ignore: h.ignore,
      hide: h.hide,
      tagfocus: h.tagfocus,
      tagignore: h.tagignore,
    }),
};

export function hashStateOf(s: ViewState): HashState {
  return {
    view: s.tab,
    sampleType: s.preferredSampleType,
    granularity: s.granularity,
    focus: s.focus,
    ignore: s.ignore,
    hide: s.hide,
    tagfocus: s.tagfocus,
    tagignore: s.tagignore,
  };
}
