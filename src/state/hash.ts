/**
 * The shareable part of the view state ↔ the URL hash. Only settings travel in
 * the URL — never file names or profile data. Pure and tolerant of garbage.
 */
import { parseTransforms, stringifyTransforms } from '../analysis/transforms/list';
import type { Transform } from '../analysis/transforms/kinds';

export type ViewTab = 'flame' | 'top' | 'info' | 'goroutines' | 'trace' | 'compare';
export const VIEW_TABS: readonly ViewTab[] = ['flame', 'top', 'info', 'goroutines', 'trace', 'compare'];

export interface HashState {
  view: ViewTab;
  /** Sample type by name (indices differ between files). */
  sampleType: string | null;
  transforms: Transform[];
}

export const DEFAULT_HASH_STATE: HashState = {
  view: 'flame',
  sampleType: null,
  transforms: [],
};

/**
 * Short keys keep shared links readable; defaults are left out. The transforms follow as
 * their own parameters (no transform may take the keys `view` and `st`).
 */
export function encodeHash(s: HashState): string {
  const p = new URLSearchParams();
  if (s.view !== DEFAULT_HASH_STATE.view) p.set('view', s.view);
  if (s.sampleType) p.set('st', s.sampleType);
  const q = [p.toString(), stringifyTransforms(s.transforms)].filter(Boolean).join('&');
  return q ? '#' + q : '';
}

export function decodeHash(hash: string): HashState {
  const q = hash.replace(/^#/, '');
  const p = new URLSearchParams(q);
  const view = p.get('view');
  return {
    view: (VIEW_TABS as readonly string[]).includes(view ?? '') ? (view as ViewTab) : DEFAULT_HASH_STATE.view,
    sampleType: p.get('st') || null,
    transforms: parseTransforms(q),
  };
}
