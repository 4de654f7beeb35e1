/**
 * Which open profiles can be compared, which is base and which is target, and what a
 * drop of several snapshots lands on. pprof diffs (and merges) two profiles only when
 * their sample types agree — the same types and units, in order — so profiles are
 * grouped by that signature: every answer here is linear in the number of profiles,
 * never a walk over pairs (an archive holds a thousand of them).
 */
import type { ProfileKind } from '../../model/file-kind';

export interface ComparableProfile {
  /** Ids grow in the order files were opened. */
  id: number;
  name: string;
  kind?: ProfileKind;
  /** ns since the epoch; 0 when unknown (a goroutine dump carries none). */
  timeNanos: number;
  sampleTypes: readonly { type: string; unit: string }[];
}

export interface ComparePair {
  base: number;
  target: number;
}

/** Equal for exactly the profiles pprof would diff with one another. */
export function sampleTypeSignature(p: ComparableProfile): string {
  return p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(',');
}

const natural = new Intl.Collator('en', { numeric: true }).compare;

/** Older first: by the profiles' own times when both have one, else by name (heap-2 before heap-10), else as opened. */
export function olderFirst(a: ComparableProfile, b: ComparableProfile): number {
  if (a.timeNanos > 0 && b.timeNanos > 0 && a.timeNanos !== b.timeNanos) return a.timeNanos - b.timeNanos;
  return natural(a.name, b.name) || a.id - b.id;
}

/** The profiles that can be diffed with `base` (itself left out), older first. */
export function comparableWith(base: ComparableProfile, profiles: readonly ComparableProfile[]): ComparableProfile[] {
  const sig = sampleTypeSignature(base);
  return profiles.filter((p) => p.id !== base.id && sampleTypeSignature(p) === sig).sort(olderFirst);
}

/** Groups in the order their first member comes, members in the given order. */
function groupBy(profiles: readonly ComparableProfile[], key: (p: ComparableProfile) => string): ComparableProfile[][] {
  const groups = new Map<string, ComparableProfile[]>();
  for (const p of profiles) {
    const k = key(p);
    const g = groups.get(k);
    if (g) g.push(p);
    else groups.set(k, [p]);
  }
  return [...groups.values()];
}

/** One kind of snapshot: the same kind of profile with the same sample types (a goroutine dump is a goroutine profile). */
const kindKey = (p: ComparableProfile) => `${p.kind ?? ''}|${sampleTypeSignature(p)}`;

/**
 * What a drop of several files is about: the snapshots of the first kind (in drop order)
 * with two or more of them, older first; null when no kind has two. An empty mutex or
 * block profile is of no known kind (the two look alike), so it is no one's snapshot.
 */
export function landingGroup(dropped: readonly ComparableProfile[]): ComparableProfile[] | null {
  const group = groupBy(
    dropped.filter((p) => p.kind !== 'contention'),
    kindKey,
  ).find((g) => g.length >= 2);
  return group ? group.slice().sort(olderFirst) : null;
}

/** Three or more snapshots of one kind from one program, older first: what the series view ranks. */
export function seriesGroups(profiles: readonly ComparableProfile[], programOf: (p: ComparableProfile) => string): number[][] {
  return groupBy(profiles, (p) => `${kindKey(p)}|${programOf(p)}`)
    .filter((g) => g.length >= 3)
    .map((g) => g.sort(olderFirst).map((p) => p.id));
}

/**
 * The pair to show when the user has chosen none: the two most recently opened snapshots
 * of one kind, older as base — what someone who just opened "before" and "after" means.
 */
export function suggestedPair(profiles: readonly ComparableProfile[]): ComparePair | null {
  const seen = new Map<string, ComparableProfile>();
  for (let i = profiles.length - 1; i >= 0; i--) {
    const p = profiles[i]!;
    const key = kindKey(p);
    const later = seen.get(key);
    if (!later) {
      seen.set(key, p);
      continue;
    }
    const [base, target] = [p, later].sort(olderFirst);
    return { base: base!.id, target: target!.id };
  }
  return null;
}

/**
 * A chosen base keeps the target while the two can be diffed; else the target is the next
 * comparable profile after the base in time, or the one just before it; null when none.
 */
export function targetFor(base: ComparableProfile, target: number | null, profiles: readonly ComparableProfile[]): number | null {
  const options = comparableWith(base, profiles);
  if (target !== null && options.some((p) => p.id === target)) return target;
  return (options.find((p) => olderFirst(base, p) < 0) ?? options[options.length - 1])?.id ?? null;
}

export class IncomparableError extends Error {
  constructor(
    readonly base: ComparableProfile,
    readonly target: ComparableProfile,
    profiles: readonly ComparableProfile[],
  ) {
    super(incomparableMessage(base, target, comparableWith(base, profiles)));
    this.name = 'IncomparableError';
  }
}

function incomparableMessage(a: ComparableProfile, b: ComparableProfile, options: ComparableProfile[]): string {
  const types = (p: ComparableProfile) => (p.sampleTypes.length ? p.sampleTypes.map((t) => `${t.type} (${t.unit})`).join(', ') : 'none');
  const msg =
    `${a.name} and ${b.name} cannot be compared: their sample types differ ` +
    `(${a.name} has ${types(a)}; ${b.name} has ${types(b)}). A diff subtracts values of one sample type, ` +
    'and pprof diffs only profiles whose sample types agree.';
  if (options.length === 0) return `${msg} No other open profile has the sample types of ${a.name}.`;
  const names = options.slice(0, 8).map((p) => p.name);
  return `${msg} Profiles that can be compared with ${a.name}: ${names.join(', ')}${options.length > 8 ? ` and ${options.length - 8} more` : ''}.`;
}

/**
 * The pair on screen: the chosen base while it is open, with the chosen target while the
 * two can be diffed (else targetFor's); with no base chosen, the suggestion, else the first
 * profile and its target, if any. Null when nothing is open.
 */
export function pairInForce(
  profiles: readonly ComparableProfile[],
  chosen: { base: number; target: number | null } | null,
): { base: number; target: number | null } | null {
  const base = chosen ? profiles.find((p) => p.id === chosen.base) : undefined;
  if (base) return { base: base.id, target: targetFor(base, chosen!.target, profiles) };
  const first = profiles[0];
  return suggestedPair(profiles) ?? (first ? { base: first.id, target: targetFor(first, null, profiles) } : null);
}
