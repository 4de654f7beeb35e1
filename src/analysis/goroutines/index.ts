/** Goroutine analysis: grouping, creators, snapshot comparison and leak suspects. */
export { toSnapshot, countColumn, normFrames, blockingKind } from './snapshot';
export type { GoroutineSource, Snapshot } from './snapshot';
export { goroutineStackCounts, stackKey, type StackCount } from './stack-key';
export {
  groupByStack,
  queryGroups,
  groupRow,
  groupStack,
  stateCounts,
  type GroupTable,
  type StackGroup,
  type GroupQuery,
  type GroupSortKey,
  type GroupPage,
  type GroupRow,
  type LabelCount,
  type StateCount,
} from './group-by-stack';
export { groupByCreator, type CreatorGroup, type BlockedIn } from './group-by-creator';
export { compareSnapshots, type Comparison, type CompareRow } from './compare';
export { leakSuspects, type LeakSuspect, type LeakOptions } from './leaks';
export { LEAK_SHAPES, matchLeakShape, type LeakShape, type LeakShapeId } from './leak-shapes';
export { isHiddenFrame, blockingKindOf } from './frames';
export { frameInfo, type FrameInfo } from './frame-info';
export { formatCount, formatSigned } from './format';
