/** Goroutine analysis: grouping, creators, snapshot comparison and leak suspects. */
export { toSnapshot } from './snapshot';
export type { GoroutineSource } from './snapshot';
export { goroutineStackCounts } from './stack-key';
export {
  groupByStack,
  queryGroups,
  groupRow,
  groupStack,
  stateCounts,
  type GroupTable,
  type GroupSortKey,
  type GroupRow,
  type LabelCount,
  type StateCount,
} from './group-by-stack';
export { groupByCreator, type CreatorGroup } from './group-by-creator';
export { compareSnapshots, type Comparison, type CompareRow } from './compare';
export { leakSuspects, type LeakSuspect } from './leaks';
export { debug1Text } from './debug1-text';
export { isHiddenFrame } from './frames';
export type { FrameInfo } from './frame-info';
