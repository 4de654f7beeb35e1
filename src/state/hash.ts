/**
 * The shareable part of the view state ↔ the URL hash. Only settings travel in
 * the URL — never file names or profile data. Pure and tolerant of garbage.
 */
import { parseTransforms, stringifyTransforms } from '../analysis/transforms/list';
import type { Transform } from '../analysis/transforms/kinds';

export type ViewTab = 'flame' | 'top' | 'tree' | 'sandwich' | 'info' | 'goroutines' | 'timeline' | 'trace' | 'compare' | 'source';
export const VIEW_TABS: readonly ViewTab[] = ['flame', 'top', 'tree', 'sandwich', 'info', 'goroutines', 'timeline', 'trace', 'compare', 'source'];

export interface HashState {
  view: ViewTab;
  /** Sample type by name (indices differ between files). */
  sampleType: string | null;
  transforms: Transform[];
  /** The trace timeline's window and selected range, relative ns. */
  timelineView: Span | null;
  timelineRange: Span | null;
  /** The function the callers/callees view is about. */
  sandwichFunc: string | null;
  /** Flame graph and call tree bottom-up: the functions samples end in at the root. */
  inverted: boolean;
}

export interface Span {
  t0: number;
  t1: number;
}

export const DEFAULT_HASH_STATE: HashState = {
  view: 'flame',
  sampleType: null,
  transforms: [],
  timelineView: null,
  timelineRange: null,
  sandwichFunc: null,
  inverted: false,
};

/** "a-b" (integer ns) ↔ a span; anything else is no span. */
function formatSpan(v: Span): string {
  return `${Math.round(v.t0)}-${Math.round(v.t1)}`;
}

function parseSpan(s: string | null): Span | null {
  const m = s ? /^(\d{1,16})-(\d{1,16})$/.exec(s) : null;
  if (!m) return null;
  const t0 = Number(m[1]);
  const t1 = Number(m[2]);
  return t1 > t0 ? { t0, t1 } : null;
}

/**
 * Short keys keep shared links readable; defaults are left out. The transforms follow as
 * their own parameters (no transform may take the keys `view`, `st`, `tv`, `tr`, `fn` and `inv`).
 */
export function encodeHash(s: HashState): string {
  const p = new URLSearchParams();
  if (s.view !== DEFAULT_HASH_STATE.view) p.set('view', s.view);
  if (s.sampleType) p.set('st', s.sampleType);
  if (s.timelineView) p.set('tv', formatSpan(s.timelineView));
  if (s.timelineRange) p.set('tr', formatSpan(s.timelineRange));
  if (s.sandwichFunc) p.set('fn', s.sandwichFunc);
  if (s.inverted) p.set('inv', '1');
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
    timelineView: parseSpan(p.get('tv')),
    timelineRange: parseSpan(p.get('tr')),
    sandwichFunc: p.get('fn') || null,
    inverted: p.get('inv') === '1',
  };
}
