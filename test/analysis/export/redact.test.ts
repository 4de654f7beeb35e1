import { describe, expect, it } from 'vitest';
import { findLeaks } from '../../../src/analysis/export/leak-check';
import { DEFAULT_KEEP, redactDoc, stringsToReplace } from '../../../src/analysis/export/redact';
import { encodePprof } from '../../../src/formats/pprof/encode';
import type { PprofDoc } from '../../../src/model/pprof-doc';

function emptyDoc(): PprofDoc {
  return {
    sampleTypes: [{ type: 'samples', unit: 'count' }],
    defaultSampleType: '',
    periodType: null,
    period: 0,
    timeNanos: 0,
    durationNanos: 0,
    comments: [],
    mappings: [],
    functions: [],
    locations: [],
    samples: [],
  };
}

/** A doc of these functions (name, file), one sample through all of them. */
function docOf(functions: [string, string][]): PprofDoc {
  return {
    ...emptyDoc(),
    functions: functions.map(([name, file]) => ({ name, file })),
    locations: functions.map((_, i) => ({ mapping: 0, address: 0, lines: [{ func: i + 1, line: 10 }] })),
    samples: [{ locations: functions.map((_, i) => i + 1), values: [1], labels: [] }],
  };
}

const opts = { keep: [...DEFAULT_KEEP], keepLabelKeys: false };

describe('strings a kept string contains', () => {
  it('are kept, so the export holds no replaced string (a runtime assembly name inside runtime.gcWriteBarrier4)', () => {
    const doc = docOf([
      ['gcWriteBarrier', '/usr/local/go/src/runtime/asm_amd64.s'],
      ['runtime.gcWriteBarrier4', '/usr/local/go/src/runtime/asm_amd64.s'],
      ['main.handle', '/home/me/svc/main.go'],
    ]);
    const replace = stringsToReplace(doc, opts);
    expect([...replace.keys()].sort()).toEqual(['/home/me/svc/main.go', 'main.handle']);
    const hashes = new Map([...replace.keys()].map((s, i) => [s, `h${i}`]));
    expect(findLeaks(encodePprof(redactDoc(doc, replace, hashes)), replace.keys())).toEqual([]);
  });

  it('one kept for being inside a kept string discloses those inside it in turn', () => {
    // main.handleRequestBody is kept by pattern; it contains handleRequest, which contains handle.
    const doc = docOf([
      ['main.handleRequestBody', 'a.go'],
      ['handleRequest', 'b.go'],
      ['handle', 'c.go'],
      ['main.other', 'd.go'],
    ]);
    const replace = stringsToReplace(doc, { keep: ['^main\\.handleRequestBody$'], keepLabelKeys: false });
    expect([...replace.keys()].sort()).toEqual(['a.go', 'b.go', 'c.go', 'd.go', 'main.other']);
  });
});

describe('the leak check', () => {
  it('refuses bytes that still hold a replaced string, even inside a kept one', () => {
    const raw = encodePprof({ ...emptyDoc(), functions: [{ name: 'runtime.secretname', file: '' }] });
    expect(findLeaks(raw, ['secretname', 'GET'])).toEqual(['secretname']);
    const withEntry = encodePprof({ ...emptyDoc(), comments: ['GET'] });
    expect(findLeaks(withEntry, ['GET'])).toEqual(['GET']);
  });
});
