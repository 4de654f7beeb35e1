/** Which Go profile a pprof file is, from its sample types (and, for contention, its stacks). */
import type { ProfileKind } from '../../model/file-kind';
import type { Profile, ValueType } from '../../model/profile';

const UNLOCK = /^(sync\.\(\*(RW)?Mutex\)\.(R)?Unlock|runtime\.unlock)/;

/** What the kind is decided from, besides the stacks: a Profile, or a summary read without one. */
export interface KindFacts {
  sampleTypes: ValueType[];
  defaultSampleType: number;
  periodType: ValueType | null;
}

/** Each sample's leaf function name with how many samples end there (samples without a stack left out). */
export type LeafNames = () => Iterable<[name: string, samples: number]>;

export function classifyPprof(p: Profile): ProfileKind {
  return classifyFacts(p, () => profileLeaves(p));
}

export function classifyFacts(p: KindFacts, leaves: LeafNames): ProfileKind {
  const types = p.sampleTypes.map((t) => t.type);
  const has = (t: string) => types.includes(t);
  if (has('goroutine')) return 'goroutine';
  if (has('goroutineleak')) return 'goroutineleak';
  if (has('threadcreate')) return 'threadcreate';
  if (has('inuse_space') || has('alloc_space')) {
    // Go's "allocs" profile is the heap profile with alloc_space as its default.
    return p.sampleTypes[p.defaultSampleType]?.type.startsWith('alloc') ? 'allocs' : 'heap';
  }
  if (has('space') && has('objects')) return 'heap'; // Node.js heap profiles
  if (has('contentions') && has('delay')) return contentionKind(leaves);
  const period = p.periodType?.type ?? '';
  if (period === 'cpu' || has('cpu') || period === 'wall' || has('wall')) return 'cpu';
  return 'other';
}

function* profileLeaves(p: Profile): Iterable<[string, number]> {
  const { stack } = p.samples;
  for (let s = 0; s < p.samples.count; s++) {
    const leaf = stack[s];
    if (leaf > 0) yield [p.strings[p.frames.func[p.stacks.frame[leaf]]], 1];
  }
}

/**
 * Mutex and block profiles share sample and period types; they differ in where
 * the stacks end: a mutex profile records the Unlock that released the contention.
 */
function contentionKind(leaves: LeafNames): ProfileKind {
  let unlock = 0;
  let other = 0;
  for (const [name, n] of leaves()) {
    if (UNLOCK.test(name)) unlock += n;
    else other += n;
  }
  if (unlock === 0 && other === 0) return 'contention';
  return unlock >= other ? 'mutex' : 'block';
}
