/**
 * Which open profiles can be compared: two profiles can when they share a sample type
 * (pprof keeps the common types when it merges). Pairs are oriented earlier → later.
 */
import type { ProfileKind } from '../../model/file-kind';

export interface ComparableProfile {
  id: number;
  name: string;
  /** Position in drop order (ids grow as files are dropped). */
  order: number;
  kind?: ProfileKind;
  /** ns since the epoch; 0 when unknown. */
  timeNanos: number;
  sampleTypes: string[];
}

export interface ComparablePair {
  base: number;
  target: number;
  /** Sample types both profiles have, in the base's order. */
  sampleTypes: string[];
  sameKind: boolean;
}

/** Earlier first: by profile time when both have one, else by drop order. */
export function earlier(a: ComparableProfile, b: ComparableProfile): number {
  if (a.timeNanos && b.timeNanos && a.timeNanos !== b.timeNanos) return a.timeNanos - b.timeNanos;
  return a.order - b.order;
}

export function commonSampleTypes(a: ComparableProfile, b: ComparableProfile): string[] {
  return a.sampleTypes.filter((t) => b.sampleTypes.includes(t));
}

/** Every comparable pair: same kind first, then by the base's and target's time (or drop order). */
export function comparablePairs(profiles: ComparableProfile[]): ComparablePair[] {
  const sorted = profiles.slice().sort(earlier);
  const out: (ComparablePair & { i: number; j: number })[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const types = commonSampleTypes(sorted[i], sorted[j]);
      if (types.length === 0) continue;
      const sameKind = sorted[i].kind !== undefined && sorted[i].kind === sorted[j].kind;
      out.push({ base: sorted[i].id, target: sorted[j].id, sampleTypes: types, sameKind, i, j });
    }
  }
  out.sort((x, y) => Number(y.sameKind) - Number(x.sameKind) || x.i - y.i || x.j - y.j);
  return out.map(({ base, target, sampleTypes, sameKind }) => ({ base, target, sampleTypes, sameKind }));
}

/**
 * The pair to show first: among same-kind pairs (else any), the two most recently
 * dropped files — what a user who just dropped "before" and "after" means.
 */
export function suggestedPair(profiles: ComparableProfile[], pairs: ComparablePair[]): ComparablePair | null {
  if (pairs.length === 0) return null;
  const order = new Map(profiles.map((p) => [p.id, p.order]));
  const pool = pairs.some((p) => p.sameKind) ? pairs.filter((p) => p.sameKind) : pairs;
  const rank = (p: ComparablePair) => [Math.max(order.get(p.base)!, order.get(p.target)!), Math.min(order.get(p.base)!, order.get(p.target)!)];
  return pool.reduce((best, p) => {
    const [a1, a2] = rank(p);
    const [b1, b2] = rank(best);
    return a1 > b1 || (a1 === b1 && a2 > b2) ? p : best;
  });
}

export class IncomparableError extends Error {
  constructor(
    readonly base: ComparableProfile,
    readonly target: ComparableProfile,
    readonly pairs: ComparablePair[],
    profiles: ComparableProfile[],
  ) {
    super(incomparableMessage(base, target, pairs, profiles));
    this.name = 'IncomparableError';
  }
}

function incomparableMessage(
  a: ComparableProfile,
  b: ComparableProfile,
  pairs: ComparablePair[],
  profiles: ComparableProfile[],
): string {
  const types = (p: ComparableProfile) => (p.sampleTypes.length ? p.sampleTypes.join(', ') : 'none');
  const name = new Map(profiles.map((p) => [p.id, p.name]));
  let msg =
    `${a.name} and ${b.name} cannot be compared: they share no sample type ` +
    `(${a.name} has ${types(a)}; ${b.name} has ${types(b)}). A diff subtracts values of one sample type.`;
  if (pairs.length === 0) msg += ' No two open profiles share a sample type.';
  else
    msg +=
      ' Pairs that can be compared: ' +
      pairs
        .slice(0, 8)
        .map((p) => `${name.get(p.base)} → ${name.get(p.target)} (${p.sampleTypes.join(', ')})`)
        .join('; ') +
      (pairs.length > 8 ? `; and ${pairs.length - 8} more.` : '.');
  return msg;
}

/** Throws IncomparableError when the two share no sample type; else returns the shared types. */
export function checkComparable(
  base: ComparableProfile,
  target: ComparableProfile,
  profiles: ComparableProfile[],
): string[] {
  const types = commonSampleTypes(base, target);
  if (types.length === 0) throw new IncomparableError(base, target, comparablePairs(profiles), profiles);
  return types;
}
