import { describe, expect, it } from 'vitest';
import { decodePprof } from '../../../src/formats/pprof/decode';
import { encodePprof } from '../../../src/formats/pprof/encode';
import type { PprofDoc } from '../../../src/model/pprof-doc';
import { stackFrames, frameName } from '../../../src/model/profile';

const doc: PprofDoc = {
  sampleTypes: [{ type: 'inuse_space', unit: 'bytes' }],
  defaultSampleType: 'inuse_space',
  periodType: { type: 'space', unit: 'bytes' },
  period: 524288,
  timeNanos: 1_732_262_400_000_000_000,
  durationNanos: 0,
  comments: ['made by a test', 'ünïcode ✓'],
  mappings: [{ start: 0x400000, limit: 0x800000, offset: 0, file: '/app/server', buildId: 'abc123' }],
  functions: [
    { name: 'main.main', file: '/app/main.go' },
    { name: 'main.leaf', file: '/app/leaf.go' },
  ],
  locations: [
    { mapping: 0, address: 0, lines: [{ func: 1, line: 10 }] },
    // main.leaf inlined into main.main.
    { mapping: 0, address: 0, lines: [{ func: 2, line: 3 }, { func: 1, line: 11 }] },
    { mapping: 1, address: 0x401234, lines: [] },
  ],
  samples: [
    { locations: [2, 1], values: [-4096], labels: [{ key: 'pprof::base', str: 'true', num: 0, unit: '' }] },
    { locations: [3, 1], values: [2 ** 40], labels: [{ key: 'bytes', str: null, num: 512, unit: 'bytes' }] },
  ],
};

describe('pprof encoder', () => {
  it('writes what the decoder reads: values (negative, past 32 bits), inlined frames, addresses, labels, metadata', () => {
    const p = decodePprof(encodePprof(doc));
    expect(p.sampleTypes).toEqual(doc.sampleTypes);
    expect(p.periodType).toEqual(doc.periodType);
    expect([p.period, p.timeNanos, p.comments]).toEqual([doc.period, doc.timeNanos, doc.comments]);
    expect(p.mappings).toEqual(doc.mappings);
    expect(Array.from(p.samples.values[0])).toEqual([-4096, 2 ** 40]);
    const names = (s: number) => stackFrames(p, p.samples.stack[s]).map((f) => frameName(p, f));
    expect(names(0)).toEqual(['main.leaf', 'main.main', 'main.main']);
    expect(names(1)).toEqual(['0x401234', 'main.main']);
    const labels = Array.from({ length: p.labels.count }, (_, i) => [p.labels.sample[i], p.strings[p.labels.key[i]], p.labels.str[i] >= 0 ? p.strings[p.labels.str[i]] : p.labels.num[i]]);
    expect(labels).toEqual([
      [0, 'pprof::base', 'true'],
      [1, 'bytes', 512],
    ]);
  });
});

describe('pprof string table', () => {
  it('reads a large table (decoded once, a char per byte, ASCII strings sliced from it) as each string decoded alone', () => {
    // Past the size at which the table is decoded whole: ASCII names beside other scripts,
    // and characters whose bytes (0x80–0x9F) windows-1252 reads as other letters.
    const names = Array.from({ length: 600 }, (_, i) =>
      i % 3 === 0 ? `main.ascii${i}` : i % 3 === 1 ? `main.naïve€${i}·日本` : `pkg/πλ.f${i}\u0080\u009f`,
    );
    const big: PprofDoc = {
      ...doc,
      functions: names.map((name) => ({ name, file: `/src/${name}.go` })),
      locations: names.map((_, i) => ({ mapping: 0, address: 0, lines: [{ func: i + 1, line: i + 1 }] })),
      samples: names.map((_, i) => ({ locations: [i + 1], values: [i], labels: [{ key: 'request', str: `r-${i}-✓`, num: 0, unit: '' }] })),
    };
    const p = decodePprof(encodePprof(big));
    for (const [i, name] of names.entries()) {
      const f = p.sampleLocations!.frames[p.sampleLocations!.frameStart[p.sampleLocations!.stacks.data[i]]];
      expect(frameName(p, f)).toBe(name);
      expect(p.strings[p.frames.file[f]]).toBe(`/src/${name}.go`);
      expect(p.strings[p.labels.str[i]]).toBe(`r-${i}-✓`);
    }
  });
});
