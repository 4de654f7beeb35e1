/** The diffs checked against `go tool pprof`: every meaning, with and without -normalize. */
import type { PprofDiffArgs } from './pprof-top';

const I1 = 'test/fixtures/incident1';
const I5 = 'test/fixtures/incident5';
const GEN = '/work/shared/testdata/go-traces/generated';

export interface DiffCase extends PprofDiffArgs {
  id: string;
}

function both(id: string, base: string, target: string, sampleType: string, unit: string): DiffCase[] {
  const out: DiffCase[] = [];
  for (const meaning of ['diff_base', 'base'] as const)
    for (const normalize of [false, true])
      out.push({ id: `${id} ${sampleType} -${meaning}${normalize ? ' -normalize' : ''}`, base, target, sampleType, meaning, normalize, unit });
  return out;
}

export const CASES: DiffCase[] = [
  ...both('incident1', `${I1}/heap-before.pb.gz`, `${I1}/heap-after.pb.gz`, 'inuse_space', 'B'),
  ...both('incident1', `${I1}/heap-before.pb.gz`, `${I1}/heap-after.pb.gz`, 'alloc_space', 'B'),
  ...both('incident5 1→3', `${I5}/heap-1.pb.gz`, `${I5}/heap-3.pb.gz`, 'inuse_space', 'B'),
  ...both('incident5 1→3', `${I5}/heap-1.pb.gz`, `${I5}/heap-3.pb.gz`, 'alloc_space', 'B'),
];

/** CPU profiles made from execution traces (shared test data, present on dev machines). */
export const CPU_CASES: DiffCase[] = both('trace cpu go1.22→go1.23', `${GEN}/go1.22.cpu.pprof`, `${GEN}/go1.23.cpu.pprof`, 'cpu', 'ns');
