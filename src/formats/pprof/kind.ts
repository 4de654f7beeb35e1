/** Which Go profile a pprof file is, from its sample types (and, for contention, its stacks). */
import type { ProfileKind } from '../../model/file-kind';
import type { Profile } from '../../model/profile';

const UNLOCK = /^(sync\.\(\*(RW)?Mutex\)\.(R)?Unlock|runtime\.unlock)/;

export function classifyPprof(p: Profile): ProfileKind {
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
  if (has('contentions') && has('delay')) return contentionKind(p);
  const period = p.periodType?.type ?? '';
  if (period === 'cpu' || has('cpu') || period === 'wall' || has('wall')) return 'cpu';
  return 'other';
}

/**
 * Mutex and block profiles share sample and period types; they differ in where
 * the stacks end: a mutex profile records the Unlock that released the contention.
 */
function contentionKind(p: Profile): ProfileKind {
  let unlock = 0;
  let other = 0;
  const { stack } = p.samples;
  for (let s = 0; s < p.samples.count; s++) {
    const leaf = stack[s];
    if (leaf <= 0) continue;
    const name = p.strings[p.frames.func[p.stacks.frame[leaf]]];
    if (UNLOCK.test(name)) unlock++;
    else other++;
  }
  if (unlock === 0 && other === 0) return 'contention';
  return unlock >= other ? 'mutex' : 'block';
}
