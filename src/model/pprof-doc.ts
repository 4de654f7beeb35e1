/**
 * A profile laid out as profile.proto lays it out: what exports build (analysis/export)
 * and the pprof encoder writes (formats/pprof/encode.ts). Strings are plain here; the
 * encoder interns them. Ids are 1-based positions in their list, 0 meaning none.
 */
import type { Mapping, ValueType } from './profile';

export interface DocLine {
  /** Function id. */
  func: number;
  line: number;
}

export interface DocLocation {
  /** Mapping id, 0 when none. */
  mapping: number;
  address: number;
  /** Innermost first: each line is inlined into the next, as profile.proto orders them. */
  lines: DocLine[];
}

export interface DocLabel {
  key: string;
  /** A string label's value; null for a numeric label. */
  str: string | null;
  num: number;
  unit: string;
}

export interface DocSample {
  /** Location ids, leaf first. */
  locations: number[];
  values: number[];
  labels: DocLabel[];
}

export interface PprofDoc {
  sampleTypes: ValueType[];
  /** The type pprof shows first; '' for its default (the last). */
  defaultSampleType: string;
  periodType: ValueType | null;
  period: number;
  timeNanos: number;
  durationNanos: number;
  comments: string[];
  mappings: Mapping[];
  functions: { name: string; file: string }[];
  locations: DocLocation[];
  samples: DocSample[];
}
