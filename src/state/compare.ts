/**
 * What is being compared, shared by the Compare tab, the Goroutines tab's snapshot
 * comparison, the file list's base and target marks and the swap key. Not in the URL:
 * file ids mean nothing in another tab.
 */
import { create } from 'zustand';
import type { ComparePair } from '../analysis/diff/pairs';
import type { FileId } from '../worker/types';

export type CompareMode = 'diff' | 'sides' | 'series';

/** A chosen base, and its target unless nothing open can be diffed with it. */
export interface ChosenPair {
  base: FileId;
  target: FileId | null;
}

export interface CompareState {
  /** The user's pair (or the one a drop landed on); null follows the suggestion. */
  chosen: ChosenPair | null;
  /** The pair a view on screen compares; null when none does. */
  shown: ComparePair | null;
  mode: CompareMode;
  /** The series view's snapshots at first (a drop's); null: the first candidate group. */
  series: FileId[] | null;
}

export const useCompare = create<CompareState>()(() => ({ chosen: null, shown: null, mode: 'diff', series: null }));

export const compareActions = {
  choose: (chosen: ChosenPair) => useCompare.setState({ chosen }),
  /** Swaps the pair on screen; nothing when none is. */
  swap: () => {
    const { shown } = useCompare.getState();
    if (shown) useCompare.setState({ chosen: { base: shown.target, target: shown.base } });
  },
  /** Said by the view that draws a comparison (null when it stops). */
  show: (shown: ComparePair | null) => {
    const now = useCompare.getState().shown;
    if (now?.base !== shown?.base || now?.target !== shown?.target) useCompare.setState({ shown });
  },
  setMode: (mode: CompareMode) => useCompare.setState({ mode }),
  /** A drop's landing: its pair (diff) or its snapshots (series). */
  land: (to: { pair: ComparePair } | { series: FileId[] }) =>
    useCompare.setState('pair' in to ? { chosen: to.pair, mode: 'diff' } : { series: to.series, mode: 'series' }),
};
