/** Answers about execution traces: goroutine analysis, derived profiles, snapshots, series. */
export { goroutineGroups, groupGoroutines, blockReasons, TIME_CATEGORIES } from './groups';
export type { GoroutineGroup, TimeCategory } from './groups';
export { creationOverTime, liveGoroutines } from './creation';
export { derivedProfile, cpuSamplesProfile } from './profiles';
export { snapshotAt, snapshotDelta } from './snapshot';
export type { Snapshot } from './snapshot';
export { heapSeries, taskSummary, regionSummary } from './series';
