/** The Goroutines tab's own choices; kept across tab and file switches (not in the URL). The pair compared is state/compare.ts's. */
import { create } from 'zustand';
import type { GoroutineCompareSort, GroupSortKey } from '../../worker/goroutine-api';

export type GoroutineSubview = 'stacks' | 'creators' | 'compare' | 'leaks';

export interface GoroutineViewState {
  subview: GoroutineSubview;
  sort: GroupSortKey;
  /** null: the sort key's natural direction. */
  desc: boolean | null;
  text: string;
  state: string | null;
  compareSort: GoroutineCompareSort;
  compareDesc: boolean | null;
  compareText: string;
}

export const useGoroutineView = create<GoroutineViewState>()(() => ({
  subview: 'stacks',
  sort: 'count',
  desc: null,
  text: '',
  state: null,
  compareSort: 'delta',
  compareDesc: null,
  compareText: '',
}));

const NAME_SORTS = new Set<string>(['state', 'createdBy', 'topFrame', 'leaf', 'name']);

/** Direction a column sorts in first: numbers biggest first, names A→Z. */
export const naturalDesc = (key: string): boolean => !NAME_SORTS.has(key);

export const goroutineActions = {
  setSubview: (subview: GoroutineSubview) => useGoroutineView.setState({ subview }),
  sortBy: (key: GroupSortKey) =>
    useGoroutineView.setState((s) => {
      const cur = s.desc ?? naturalDesc(s.sort);
      return s.sort === key ? { desc: !cur } : { sort: key, desc: null };
    }),
  setText: (text: string) => useGoroutineView.setState({ text }),
  setCompareText: (compareText: string) => useGoroutineView.setState({ compareText }),
  setState: (state: string | null) => useGoroutineView.setState({ state }),
  compareSortBy: (key: GoroutineCompareSort) =>
    useGoroutineView.setState((s) => {
      const cur = s.compareDesc ?? naturalDesc(s.compareSort);
      return s.compareSort === key ? { compareDesc: !cur } : { compareSort: key, compareDesc: null };
    }),
};
