/**
 * The annotated workload traced by real Go 1.20–1.25 runtimes (test/fixtures/traces/versions,
 * made by gen/trace-annotated/versions.sh with toolchains from the module proxy): v1 up to
 * Go 1.21, v2 from 1.22. Each must equal what the installed Go's `go tool trace` makes of
 * the same file: its goroutines page and its four -pprof profiles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionSummary, taskSummary } from '../../../src/analysis/trace';
import { parseTrace } from '../../../src/formats/gotrace';
import { FIXTURES, expectDerivedLikeGoTool, expectGroupsLikeGoTool, fixture } from '../../helpers/trace';

const DIR = join(FIXTURES, 'versions');
const names = readdirSync(DIR)
  .filter((f) => f.endsWith('.trace'))
  .map((f) => f.slice(0, -'.trace'.length))
  .sort();

describe.each(names)('%s', (name) => {
  const model = parseTrace(fixture('versions', `${name}.trace`));
  // The header names the format: releases that kept their predecessor's write its version.
  const minor = { 'annotated-go1.20': '19', 'annotated-go1.24': '23' }[name] ?? /go1\.(\d+)$/.exec(name)![1];

  it('parses cleanly, with the format version of its header', () => {
    expect(model.summary.error).toBeNull();
    expect(model.summary.warnings).toEqual([]);
    expect(model.summary.goVersion).toBe(`1.${minor}`);
    expect(model.summary.cpuSamples).toBeGreaterThan(0);
  });

  it('groups goroutines like the goroutines page of go tool trace', () => {
    expectGroupsLikeGoTool(model, readFileSync(join(DIR, `${name}.goroutines.html`), 'utf8'));
  });

  it.each(['net', 'sync', 'syscall', 'sched'] as const)('derives the %s profile of go tool trace -pprof', (kind) => {
    expectDerivedLikeGoTool(model, kind, fixture('versions', `${name}.${kind}.pprof`));
  });

  it('finds every task and region the program made', () => {
    expect(taskSummary(model).find((t) => t.name === 'worker')).toMatchObject({ count: 8, complete: 8 });
    expect(regionSummary(model).find((r) => r.name === 'roundtrip')).toMatchObject({ count: 120, complete: 120 });
  });
});
