/**
 * d3-flame-graph's ES module source. Its package entry is a bundle carrying its own copies
 * of d3-selection, d3-transition and d3-timer; the source shares the page's, so one timer
 * queue runs its transitions (flame-graph.ts flushes it) and the copies stay out of the build.
 */
declare module 'd3-flame-graph/src/flamegraph.js' {
  import type { flamegraph } from 'd3-flame-graph';
  const make: typeof flamegraph;
  export default make;
}
