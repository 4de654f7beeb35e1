/**
 * Replicas' profiles of one kind merged into one, as `go tool pprof a b c` merges them:
 * the sample types (and period type) must agree, and every sample is kept with its
 * values, so each stack's value is the sum over the files. Each sample gets a `pod`
 * label naming the file's pod, so the label breakdown shows the merge by pod and a tag
 * filter keeps one pod's part.
 */
import { ProfileBuilder } from '../../model/profile-builder';
import type { Profile, ValueType } from '../../model/profile';

export interface MergePart {
  /** The file's name, for messages. */
  name: string;
  pod: string;
  profile: Profile;
}

export const POD_LABEL = 'pod';

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

const typesText = (ts: ValueType[]) => ts.map((t) => `${t.type}/${t.unit}`).join(', ');

function sameTypes(a: ValueType[], b: ValueType[]): boolean {
  return a.length === b.length && a.every((t, i) => t.type === b[i].type && t.unit === b[i].unit);
}

function checkCompatible(parts: MergePart[]): void {
  const first = parts[0];
  for (const p of parts.slice(1)) {
    if (!sameTypes(first.profile.sampleTypes, p.profile.sampleTypes)) {
      throw new MergeError(
        `${first.name} and ${p.name} cannot be merged: their sample types differ (${typesText(first.profile.sampleTypes)} against ${typesText(p.profile.sampleTypes)})`,
      );
    }
    const [x, y] = [first.profile.periodType, p.profile.periodType];
    if (x?.type !== y?.type || x?.unit !== y?.unit) {
      throw new MergeError(`${first.name} and ${p.name} cannot be merged: their period types differ (${x ? typesText([x]) : 'none'} against ${y ? typesText([y]) : 'none'})`);
    }
  }
}

/** Calls `visit` with each sample's frames, root first (inlined frames expanded as the views see them). */
function eachSampleFrames(p: Profile, visit: (sample: number, frames: number[]) => void): void {
  const sl = p.sampleLocations;
  const frames: number[] = [];
  for (let s = 0; s < p.samples.count; s++) {
    frames.length = 0;
    if (sl) {
      for (let i = sl.stacks.start[s]; i < sl.stacks.start[s + 1]; i++) {
        const loc = sl.stacks.data[i];
        for (let k = sl.frameStart[loc]; k < sl.frameStart[loc + 1]; k++) frames.push(sl.frames[k]);
      }
    } else {
      for (let n = p.samples.stack[s]; n > 0; n = p.stacks.parent[n]) frames.push(p.stacks.frame[n]);
      frames.reverse();
    }
    visit(s, frames);
  }
}

export function mergeProfiles(parts: MergePart[]): Profile {
  if (parts.length === 0) throw new MergeError('nothing to merge');
  checkCompatible(parts);
  const first = parts[0].profile;
  const b = new ProfileBuilder(first.sampleTypes.length);
  const values = new Float64Array(first.sampleTypes.length);
  for (const { pod, profile: p } of parts) {
    const frameOf = new Int32Array(p.frames.count).fill(-1);
    const mapped: number[] = [];
    const sampleOf = new Int32Array(p.samples.count);
    eachSampleFrames(p, (s, frames) => {
      mapped.length = 0;
      for (const f of frames) {
        if (frameOf[f] < 0) frameOf[f] = b.frame(p.strings[p.frames.func[f]], p.strings[p.frames.file[f]], p.frames.line[f]);
        mapped.push(frameOf[f]);
      }
      for (let v = 0; v < values.length; v++) values[v] = p.samples.values[v][s];
      const at = b.sample(b.stackRootFirst(mapped), values);
      sampleOf[s] = at;
      b.stringLabel(at, POD_LABEL, pod);
    });
    const l = p.labels;
    for (let i = 0; i < l.count; i++) {
      // The merge's own pod label stands for the file; a sample's own "pod" label would blur it.
      if (p.strings[l.key[i]] === POD_LABEL) continue;
      const at = sampleOf[l.sample[i]];
      if (l.str[i] >= 0) b.stringLabel(at, p.strings[l.key[i]], p.strings[l.str[i]]);
      else b.numberLabel(at, p.strings[l.key[i]], l.num[i], p.strings[l.unit[i]]);
    }
  }
  const profiles = parts.map((x) => x.profile);
  const times = profiles.map((p) => p.timeNanos).filter((t) => t > 0);
  return b.build({
    source: first.source,
    sampleTypes: first.sampleTypes,
    defaultSampleType: first.defaultSampleType,
    periodType: first.periodType,
    // As pprof's Merge: the largest period, the earliest time, the durations summed.
    period: Math.max(...profiles.map((p) => p.period)),
    timeNanos: times.length ? Math.min(...times) : 0,
    durationNanos: profiles.reduce((n, p) => n + p.durationNanos, 0),
    comments: [...new Set(profiles.flatMap((p) => p.comments))],
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
    mappings: first.mappings,
  });
}
