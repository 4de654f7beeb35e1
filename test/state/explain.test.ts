import { describe, expect, it } from 'vitest';
import { explainSampleType } from '../../src/state/explain';

const cpuPeriod = { type: 'cpu', unit: 'nanoseconds' };
const space = { type: 'space', unit: 'bytes' };
const contentions = { type: 'contentions', unit: 'count' };

describe('explainSampleType', () => {
  it('cpu samples and cpu time', () => {
    expect(explainSampleType('samples', 'count', cpuPeriod, 10_000_000, 'cpu')).toBe(
      'samples: how many times the CPU profiler caught a goroutine running this code, sampled every 10 ms (100 Hz)',
    );
    expect(explainSampleType('cpu', 'nanoseconds', cpuPeriod, 10_000_000, 'cpu')).toBe(
      'cpu: CPU time spent running this code, sampled every 10 ms (100 Hz)',
    );
  });
  it('heap inuse_* and alloc_*', () => {
    expect(explainSampleType('inuse_space', 'bytes', space, 524288, 'heap')).toBe(
      'inuse_space: bytes live at the last GC (allocated and not yet freed), sampled every 512 KiB allocated',
    );
    expect(explainSampleType('inuse_objects', 'count', space, 524288, 'heap')).toMatch(/^inuse_objects: objects live at the last GC.*512 KiB/);
    expect(explainSampleType('alloc_space', 'bytes', space, 524288, 'allocs')).toMatch(/^alloc_space: bytes allocated since the program started, including memory already freed, sampled every 512 KiB/);
    expect(explainSampleType('alloc_objects', 'count', space, 524288, 'allocs')).toMatch(/^alloc_objects: objects allocated since/);
  });
  it('mutex and block contentions/delay', () => {
    expect(explainSampleType('contentions', 'count', contentions, 1, 'mutex')).toBe(
      'contentions: times a goroutine had to wait for a mutex this code held',
    );
    expect(explainSampleType('delay', 'nanoseconds', contentions, 1, 'mutex')).toBe(
      'delay: time other goroutines spent waiting for a mutex this code held',
    );
    expect(explainSampleType('contentions', 'count', contentions, 1, 'block')).toMatch(/blocked here/);
    expect(explainSampleType('delay', 'nanoseconds', contentions, 1, 'block')).toMatch(/^delay: time goroutines spent blocked here/);
    expect(explainSampleType('contentions', 'count', contentions, 5, 'mutex')).toMatch(/sampled 1 in 5 events$/);
  });
  it('goroutine count and threadcreate', () => {
    expect(explainSampleType('goroutine', 'count', { type: 'goroutine', unit: 'count' }, 1, 'goroutine')).toBe(
      'goroutine: number of goroutines with this stack when the snapshot was taken',
    );
    expect(explainSampleType('threadcreate', 'count', { type: 'threadcreate', unit: 'count' }, 1, 'threadcreate')).toBe(
      'threadcreate: OS threads created from this stack since the program started',
    );
  });
  it('falls back for unknown types', () => {
    expect(explainSampleType('wombats', 'count', null, 0, 'other')).toBe('wombats: a count per stack');
    expect(explainSampleType('latency', 'nanoseconds', null, 0, 'other')).toBe('latency: measured in nanoseconds');
  });
});
