/**
 * The trace timeline (buildTimeline) against golang.org/x/exp/trace: every goroutine state
 * transition (time, new state, reason, who caused it, leaf of its stack) and what each P
 * ran, for real traces of Go 1.19–1.27 (v1 and v2 formats, flight recorder, an incident
 * trace). The goldens are written by test/reference/xexp-timeline (regenerate.sh).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTimeline, parseTrace } from '../../../src/formats/gotrace';
import {
  goldenChainProblems,
  goroutineTimelineDiffs,
  ourTimeline,
  procTimelineDiffs,
  readTimelineGolden,
  runXexpTimeline,
  type TimelineGolden,
} from '../../helpers/timeline-golden';
import { hasGo } from '../go-pprof';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const T = 'test/fixtures/traces';

/** [name, trace, golden], paths from the repository root. */
const TRACES: [string, string, string][] = [
  ...['go1.22', 'go1.23', 'go1.24', 'go1.26', 'go1.26-long', 'go1.27', 'go1.26-flightrecorder', 'go1.27-flightrecorder'].map(
    (b): [string, string, string] => [b, `${T}/v2/${b}.trace`, `${T}/v2/${b}.timeline.json.gz`],
  ),
  ...['go1.19-v1', 'go1.21-v1'].map((b): [string, string, string] => [b, `${T}/v1/${b}.trace`, `${T}/v1/${b}.timeline.json.gz`]),
  ['incident2', 'test/fixtures/incident2/main-1-trace-1732262400.pprof', `${T}/incident2.timeline.json.gz`],
];

describe.each(TRACES)('%s', (_name, tracePath, goldenPath) => {
  let golden: TimelineGolden;
  let ours: TimelineGolden;

  beforeAll(() => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, tracePath)));
    const model = parseTrace(bytes);
    ours = ourTimeline(model, buildTimeline(bytes, model.symbols));
    golden = readTimelineGolden(goldenPath);
  });

  it('is a consistent golden (each lifetime starts from NotExist or Undetermined, each from is the previous to)', () => {
    expect(goldenChainProblems(golden)).toEqual([]);
  });

  it("starts and ends where Go's reader does", () => {
    expect(ours.firstTimeNs).toBe(golden.firstTimeNs);
    expect(ours.endNs).toBe(golden.endNs);
  });

  it("has every goroutine lifetime with Go's transitions (time, state, reason, by, leaf)", () => {
    expect(goroutineTimelineDiffs(ours, golden)).toEqual([]);
  });

  it("has each P's goroutine runs as Go's reader sees them", () => {
    expect(procTimelineDiffs(ours, golden)).toEqual([]);
  });
});

describe.skipIf(!hasGo())('the Go program still writes the committed golden (live)', () => {
  it('go1.22', () => {
    const live = runXexpTimeline(`${T}/v2/go1.22.trace`);
    expect(live).toEqual(readTimelineGolden(`${T}/v2/go1.22.timeline.json.gz`));
  });
});
