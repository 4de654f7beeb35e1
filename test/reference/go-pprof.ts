// Reference harness: asks the real `go tool pprof` for its numbers, so tests
// can compare goroscope's results with the tool users already trust.
//
// Values are requested in the profile's own unit (`-unit=<sample unit>`), so
// pprof prints exact integers ("30999055B", "490000000ns", "329") rather than
// scaled labels ("29.56MB"). pprof prints percentages as absolute values
// (diff rows with negative values still show a positive flat%), and sorts
// -top rows by |flat| (or by |cum| with -cum), ties broken by name.

import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

export interface TopOptions {
  /** Sample type name ("inuse_space") or 0-based index ("3"). Default: pprof's default. */
  sampleIndex?: string;
  /** Profile to compare against (`-diff_base`): values are file minus base, percentages relative to the base. */
  diffBase?: string;
  /** Profile to subtract (`-base`). */
  base?: string;
  /** Scale the base so its total matches the profile's (`-normalize`). */
  normalize?: boolean;
  focus?: string;
  ignore?: string;
  hide?: string;
  tagfocus?: string;
  tagignore?: string;
  granularity?: 'functions' | 'lines';
  /** Sort by cumulative value (`-cum`) instead of flat. */
  cum?: boolean;
}

export interface TopRow {
  /** Node name as pprof prints it, without the inline marker. */
  name: string;
  /** Set when pprof marks the node "(inline)" or "(partial-inline)". */
  inline?: 'inline' | 'partial-inline';
  flat: number;
  flatPct: number;
  sumPct: number;
  cum: number;
  cumPct: number;
}

export interface TopResult {
  /** The sample type pprof reports on ("Type:" header). */
  sampleType: string;
  /** The "of N total" number. */
  total: number;
  /** The "Showing nodes accounting for N" number. */
  shown: number;
  rows: TopRow[];
}

export interface SampleType {
  type: string;
  unit: string;
}

export interface RawSummary {
  sampleTypes: SampleType[];
  /** The profile's default_sample_type, or '' when it has none. */
  defaultSampleType: string;
  sampleCount: number;
  locationCount: number;
  mappingCount: number;
}

let goAvailable: boolean | undefined;

/** True when `go` is on PATH and runs. */
export function hasGo(): boolean {
  if (goAvailable === undefined) {
    try {
      execFileSync('go', ['version'], { stdio: ['ignore', 'pipe', 'pipe'], cwd: tmpdir() });
      goAvailable = true;
    } catch {
      goAvailable = false;
    }
  }
  return goAvailable;
}

/** Runs `go tool pprof <args>` and returns its standard output. */
export function runPprof(args: string[]): string {
  try {
    return execFileSync('go', ['tool', 'pprof', '-symbolize=none', ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Outside any module, so no go.mod can pick a toolchain or a tool.
      cwd: tmpdir(),
      env: { ...process.env, PPROF_TMPDIR: tmpdir() },
    });
  } catch (err) {
    const e = err as { stderr?: string | Buffer; message: string };
    const stderr = e.stderr ? String(e.stderr).trim() : '';
    throw new Error(`go tool pprof ${args.join(' ')} failed: ${stderr || e.message}`);
  }
}

const rawCache = new Map<string, RawSummary>();

/** Sample types, default type and counts, from `go tool pprof -raw`. */
export function pprofRawSummary(file: string): RawSummary {
  const abs = resolve(file);
  const cached = rawCache.get(abs);
  if (cached) return cached;
  const summary = parseRawOutput(runPprof(['-raw', abs]));
  rawCache.set(abs, summary);
  return summary;
}

export function pprofSampleTypes(file: string): SampleType[] {
  return pprofRawSummary(file).sampleTypes;
}

export function pprofRawSampleCount(file: string): number {
  return pprofRawSummary(file).sampleCount;
}

/** Parses the text of `pprof -raw` (profile.Profile.String()). */
export function parseRawOutput(text: string): RawSummary {
  const lines = text.split('\n');
  const start = lines.indexOf('Samples:');
  if (start < 0 || start + 1 >= lines.length) throw new Error('pprof -raw: no "Samples:" section');
  const sampleTypes: SampleType[] = [];
  let defaultSampleType = '';
  for (const field of lines[start + 1]!.trim().split(/\s+/).filter(Boolean)) {
    const isDefault = field.endsWith('[dflt]');
    const spec = isDefault ? field.slice(0, -'[dflt]'.length) : field;
    const slash = spec.lastIndexOf('/');
    const type = slash < 0 ? spec : spec.slice(0, slash);
    const unit = slash < 0 ? '' : spec.slice(slash + 1);
    sampleTypes.push({ type, unit });
    if (isDefault) defaultSampleType = type;
  }
  // A sample line is its values, a colon, then location ids ("  1  500000: 4 5 6 ").
  // Label lines below a sample are indented text ("key:[value]"), never numbers then ': '.
  const sampleLine = /^\s*-?\d+(\s+-?\d+)*:( |$)/;
  let sampleCount = 0;
  let locationCount = 0;
  let mappingCount = 0;
  let section: 'samples' | 'locations' | 'mappings' = 'samples';
  for (let i = start + 2; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === 'Locations') section = 'locations';
    else if (line === 'Mappings') section = 'mappings';
    else if (section === 'samples') {
      if (sampleLine.test(line)) sampleCount++;
    } else if (section === 'locations') {
      if (/^\s*\d+: 0x/.test(line)) locationCount++;
    } else if (/^\s*\d+: 0x/.test(line)) mappingCount++;
  }
  return { sampleTypes, defaultSampleType, sampleCount, locationCount, mappingCount };
}

/** The sample type pprof uses when -sample_index is not given. */
export function defaultSampleType(file: string): SampleType {
  const s = pprofRawSummary(file);
  const found = s.sampleTypes.find((t) => t.type === s.defaultSampleType);
  const last = s.sampleTypes[s.sampleTypes.length - 1];
  const chosen = found ?? last;
  if (!chosen) throw new Error(`${file}: profile has no sample types`);
  return chosen;
}

function resolveSampleType(file: string, sampleIndex: string | undefined): SampleType {
  if (sampleIndex === undefined || sampleIndex === '') return defaultSampleType(file);
  const types = pprofSampleTypes(file);
  if (/^\d+$/.test(sampleIndex)) {
    const t = types[Number(sampleIndex)];
    if (t) return t;
  }
  const byName = types.find((t) => t.type === sampleIndex);
  if (!byName) throw new Error(`${file}: no sample type ${sampleIndex}`);
  return byName;
}

/**
 * `go tool pprof -top` with every node shown, values in the sample type's
 * own unit (so they are exact integers).
 */
export function pprofTop(file: string | string[], opts: TopOptions = {}): TopResult {
  // Several files: pprof merges them (their sample types must agree).
  const files = [file].flat();
  const st = resolveSampleType(files[0], opts.sampleIndex);
  const args = ['-top', '-nodecount=1000000000', '-nodefraction=0', '-edgefraction=0'];
  // pprof converts to this unit with factor 1, or prints counts unscaled.
  args.push(`-unit=${st.unit || 'count'}`);
  args.push(`-sample_index=${st.type}`);
  if (opts.diffBase) args.push(`-diff_base=${resolve(opts.diffBase)}`);
  if (opts.base) args.push(`-base=${resolve(opts.base)}`);
  if (opts.normalize) args.push('-normalize');
  if (opts.focus !== undefined) args.push(`-focus=${opts.focus}`);
  if (opts.ignore !== undefined) args.push(`-ignore=${opts.ignore}`);
  if (opts.hide !== undefined) args.push(`-hide=${opts.hide}`);
  args.push(...tagArgs(opts));
  if (opts.granularity) args.push(`-${opts.granularity}`);
  if (opts.cum) args.push('-cum');
  args.push(...files.map((f) => resolve(f)));
  return parseTopOutput(runPprof(args));
}

function tagArgs(opts: Pick<TopOptions, 'tagfocus' | 'tagignore'>): string[] {
  const args: string[] = [];
  if (opts.tagfocus !== undefined) args.push(`-tagfocus=${opts.tagfocus}`);
  if (opts.tagignore !== undefined) args.push(`-tagignore=${opts.tagignore}`);
  return args;
}

export interface TagsResult {
  keys: { key: string; total: number; values: { value: string; total: number }[] }[];
}

/** `go tool pprof -tags` in the sample type's own unit: each key's total and its values'. */
export function pprofTags(file: string, opts: Pick<TopOptions, 'sampleIndex' | 'tagfocus' | 'tagignore'> = {}): TagsResult {
  const st = resolveSampleType(file, opts.sampleIndex);
  const args = ['-tags', `-unit=${st.unit || 'count'}`, `-sample_index=${st.type}`, ...tagArgs(opts), resolve(file)];
  return parseTagsOutput(runPprof(args));
}

export function parseTagsOutput(text: string): TagsResult {
  const keys: TagsResult['keys'] = [];
  for (const line of text.split('\n')) {
    const k = /^\s*(\S.*?): Total (\S+) of \S+ \(/.exec(line);
    if (k) {
      keys.push({ key: k[1], total: parseValue(k[2]), values: [] });
      continue;
    }
    const v = /^\s*(\S+) \(\s*[\d.]+%\): (.*)$/.exec(line);
    if (v && keys.length) keys[keys.length - 1].values.push({ value: v[2], total: parseValue(v[1]) });
  }
  return { keys };
}

/** Parses a number as pprof's formatValue prints it, dropping any unit suffix ("-24657742B" → -24657742). */
export function parseValue(text: string): number {
  if (text === '0') return 0;
  const m = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)([^\d].*)?$/.exec(text);
  if (!m) throw new Error(`pprof: cannot parse value ${JSON.stringify(text)}`);
  return Number(m[1]);
}

/** Parses a percentage as pprof prints it ("79.54%", "  100%", "0.087%", "5.1e-05%"). */
export function parsePercent(text: string): number {
  const t = text.trim();
  if (!t.endsWith('%')) throw new Error(`pprof: cannot parse percentage ${JSON.stringify(text)}`);
  const v = Number(t.slice(0, -1));
  if (Number.isNaN(v)) throw new Error(`pprof: cannot parse percentage ${JSON.stringify(text)}`);
  return v;
}

// "%10s %s %s %10s %s  %s%s": flat, flat%, sum%, cum, cum%, two spaces, name, inline marker.
const rowPattern = /^\s*(\S+)\s+(\S+%)\s+(\S+%)\s+(\S+)\s+(\S+%) {2}(.*)$/;
const headerPattern = /^\s*flat\s+flat%\s+sum%\s+cum\s+cum%\s*$/;

/** Parses the text of `pprof -top` (or -text). */
export function parseTopOutput(text: string): TopResult {
  const lines = text.split('\n');
  let sampleType = '';
  let total: number | undefined;
  let shown: number | undefined;
  const headerAt = lines.findIndex((l) => headerPattern.test(l));
  if (headerAt < 0) throw new Error('pprof -top: no column header in output');
  for (const line of lines.slice(0, headerAt)) {
    const type = /^Type: (.*)$/.exec(line);
    if (type) sampleType = type[1]!.trim();
    const showing = /^Showing nodes accounting for (\S+), \S+ of (\S+) total$/.exec(line);
    if (showing) {
      shown = parseValue(showing[1]!);
      total = parseValue(showing[2]!);
    }
  }
  if (total === undefined || shown === undefined) throw new Error('pprof -top: no "of N total" line');
  const rows: TopRow[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (line.trim() === '') continue;
    const m = rowPattern.exec(line);
    if (!m) throw new Error(`pprof -top: cannot parse row ${JSON.stringify(line)}`);
    let name = m[6]!;
    let inline: TopRow['inline'];
    const marker = / \((inline|partial-inline)\)$/.exec(name);
    if (marker) {
      inline = marker[1] as TopRow['inline'];
      name = name.slice(0, marker.index);
    }
    const row: TopRow = {
      name,
      flat: parseValue(m[1]!),
      flatPct: parsePercent(m[2]!),
      sumPct: parsePercent(m[3]!),
      cum: parseValue(m[4]!),
      cumPct: parsePercent(m[5]!),
    };
    if (inline) row.inline = inline;
    rows.push(row);
  }
  return { sampleType, total, shown, rows };
}
