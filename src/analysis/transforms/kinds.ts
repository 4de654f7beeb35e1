/**
 * Every kind of view transform, each with all it needs in one place: its URL parameter,
 * how it reads from and writes to that parameter's text, its label, why it cannot apply,
 * and what it does to the call tree's view. A new transform is a member of the union and
 * an entry of TRANSFORMS, both here.
 *
 * Today's kinds are pprof's options, and pprof applies its options together: their order
 * in a list is the order the user added them and does not change the view.
 */
import type { ViewSpec } from '../calltree/calltree';
import type { Granularity } from '../calltree/frame-keys';
import { labelFilterError, regexError } from './regex';

/** pprof's frame filters (a regex) and sample filters (a label filter, analysis/labels/filters.ts). */
export type FilterKind = 'focus' | 'ignore' | 'hide' | 'tagfocus' | 'tagignore';
interface Filter<K extends FilterKind> {
  kind: K;
  pattern: string;
}

export type Transform =
  | Filter<'focus'>
  | Filter<'ignore'>
  | Filter<'hide'>
  | Filter<'tagfocus'>
  | Filter<'tagignore'>
  | { kind: 'granularity'; value: Granularity };

export type TransformKind = Transform['kind'];
export type TransformOf<K extends TransformKind> = Extract<Transform, { kind: K }>;

/** What the call-tree builder takes from a view besides its sample type. */
export type TreeView = Omit<ViewSpec, 'sampleType'>;

/** Methods, not function fields: a kind's definition then also serves as one for any Transform. */
export interface TransformDef<T extends { kind: TransformKind }> {
  /** Its URL parameter: pprof's flag name where there is one. Old links rely on these. */
  param: string;
  /** From the parameter's text; null when the text asks for nothing (empty, the default, garbage). */
  parse(text: string): T | null;
  text(t: T): string;
  /** How the list of active transforms names it. */
  label(t: T): string;
  /** Why it cannot be applied (an invalid regex), or null. */
  error(t: T): string | null;
  apply(t: T, view: TreeView): void;
}

/** One of pprof's filters, under its flag's name; `check` says why a pattern is invalid. */
function filter<K extends FilterKind>(kind: K, label: string, check: (pattern: string) => string | null): TransformDef<Filter<K>> {
  return {
    param: kind,
    parse: (text) => (text ? { kind, pattern: text } : null),
    text: (t) => t.pattern,
    label: (t) => `${label}: ${t.pattern}`,
    error: (t) => check(t.pattern),
    apply: (t, view) => {
      view[kind] = t.pattern;
    },
  };
}

export const TRANSFORMS: { [K in TransformKind]: TransformDef<TransformOf<K>> } = {
  focus: filter('focus', 'Focus', regexError),
  ignore: filter('ignore', 'Ignore', regexError),
  hide: filter('hide', 'Hide', regexError),
  tagfocus: filter('tagfocus', 'Tag focus', labelFilterError),
  tagignore: filter('tagignore', 'Tag ignore', labelFilterError),
  // Functions are the default, so only lines are a transform.
  granularity: {
    param: 'g',
    parse: (text) => (text === 'line' ? { kind: 'granularity', value: 'line' } : null),
    text: (t) => t.value,
    label: (t) => `Granularity: ${t.value}`,
    error: () => null,
    apply: (t, view) => {
      view.granularity = t.value;
    },
  },
};
