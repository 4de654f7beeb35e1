/** Answers about execution traces: goroutine analysis, derived profiles, snapshots, series. */
export { goroutineGroups, groupGoroutines, goroutineRow, blockReasons, TIME_CATEGORIES } from './groups';
export type { GoroutineGroup, GoroutineRow, TimeCategory } from './groups';
export { creationOverTime, liveGoroutines } from './creation';
export type { CreationSeries } from './creation';
export { derivedProfile, cpuSamplesProfile, StackMapper } from './profiles';
export { snapshotAt, snapshotDelta, SnapshotSink } from './snapshot';
export type { Snapshot, SnapshotRow } from './snapshot';
export { heapSeries, taskSummary, regionSummary } from './series';
export type { HeapSeries, TaskSummaryRow } from './series';
