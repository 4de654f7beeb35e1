/**
 * The shareable part of the view state ↔ the URL hash. Only settings travel in
 * the URL — never file names or profile data. Pure and tolerant of garbage.
 */
import type { Granularity } from '../worker/api';

export type ViewTab = 'flame' | 'top' | 'info' | 'goroutines' | 'trace' | 'compare';
export const VIEW_TABS: readonly ViewTab[] = ['flame', 'top', 'info', 'goroutines', 'trace', 'compare'];

export interface HashState {
  view: ViewTab;
  /** Sample type by name (indices differ between files). */
  sampleType: string | null;
  granularity: Granularity;
  focus: string;
  ignore: string;
  hide: string;
  tagfocus: string;
  tagignore: string;
}

export const DEFAULT_HASH_STATE: HashState = {
  view: 'flame',
  sampleType: null,
  granularity: 'function',
  focus: '',
  ignore: '',
  hide: '',
  tagfocus: '',
  tagignore: '',
};

/** Short keys keep shared links readable. Defaults are left out. */
export function encodeHash(s: HashState): string {
  const p = new URLSearchParams();
  if (s.view !== DEFAULT_HASH_STATE.view) p.set('view', s.view);
  if (s.sampleType) p.set('st', s.sampleType);
  if (s.granularity !== 'function') p.set('g', s.granularity);
  if (s.focus) p.set('focus', s.focus);
  if (s.ignore) p.set('ignore', s.ignore);
  if (s.hide) p.set('hide', s.hide);
  if (s.tagfocus) p.set('tagfocus', s.tagfocus);
  if (s.tagignore) p.set('tagignore', s.tagignore);
  const q = p.toString();
  return q ? '#' + q : '';
}

export function decodeHash(hash: string): HashState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view = p.get('view');
  const g = p.get('g');
  return {
    view: (VIEW_TABS as readonly string[]).includes(view ?? '') ? (view as ViewTab) : DEFAULT_HASH_STATE.view,
    sampleType: p.get('st') || null,
    granularity: g === 'line' ? 'line' : 'function',
    focus: p.get('focus') ?? '',
    ignore: p.get('ignore') ?? '',
    hide: p.get('hide') ?? '',
    tagfocus: p.get('tagfocus') ?? '',
    tagignore: p.get('tagignore') ?? '',
  };
}
