/**
 * Whether the timeline can be built along the load, and how fine: its floor depends on the
 * trace's span, which a v2 trace tells from its batch headers before any event is read. A
 * small trace is exact whatever its span. A big v1 trace tells its span only once read, so
 * its timeline is built on first use, by a second scan.
 */
import { timelineFloorNs } from './build/timeline-floor';
import { HEADER_SIZE, traceVersion } from './header';
import { spanFromBatches } from './v2/generation';

/** The floor to build the timeline with during the load, or undefined to build it later. */
export function loadTimelineFloor(bytes: Uint8Array): number | undefined {
  if (timelineFloorNs(bytes.length, NaN) === 0) return 0;
  const version = traceVersion(bytes);
  if (version < 22) return undefined;
  return timelineFloorNs(bytes.length, spanFromBatches(bytes, HEADER_SIZE, version));
}
