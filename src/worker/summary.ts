import type { Profile } from '../model/profile';
import type { ProfileSummary } from './types';

export function summarize(p: Profile): ProfileSummary {
  const distinctFunctions = new Set<number>();
  for (let f = 0; f < p.frames.count; f++) distinctFunctions.add(p.frames.func[f]);
  return {
    source: p.source,
    sampleTypes: p.sampleTypes,
    defaultSampleType: p.defaultSampleType,
    periodType: p.periodType,
    period: p.period,
    timeNanos: p.timeNanos,
    durationNanos: p.durationNanos,
    comments: p.comments,
    sampleCount: p.samples.count,
    totals: p.samples.values.map((col) => col.reduce((a, b) => a + b, 0)),
    dropFrames: p.dropFrames,
    keepFrames: p.keepFrames,
    ...(p.pruneError ? { pruneError: p.pruneError } : {}),
    mappingCount: p.mappings.length,
    locationCount: p.frames.count,
    functionCount: distinctFunctions.size,
    labelKeys: labelKeys(p),
  };
}

/** The profile's label keys, sorted (pprof's -tags order). */
function labelKeys(p: Profile): string[] {
  const keys = new Set<number>();
  for (let i = 0; i < p.labels.count; i++) keys.add(p.labels.key[i]);
  return [...keys].map((k) => p.strings[k]).sort();
}
