/**
 * Every kind of view transform, each with all it needs in one place: its URL parameter,
 * how it reads from and writes to that parameter's text, its label, why it cannot apply,
 * and what it does to the call tree's view. A new transform is a member of the union and
 * an entry of TRANSFORMS, both here.
 *
 * pprof's options (filters, granularity) are applied together, as pprof applies them: their
 * order in a list is the order the user added them and does not change the view. The
 * stack transforms (calltree/stack-transforms.ts) then rewrite each stack in list order,
 * and a list may hold several of one kind.
 */
import type { ViewSpec } from '../calltree/calltree';
import type { Granularity } from '../calltree/frame-keys';
import { collapsedName, type StackTransform } from '../calltree/stack-transforms';
import { labelFilterError, normalizePrefix, prefixError, regexError } from './regex';

/** pprof's frame filters (a regex) and sample filters (a label filter, analysis/labels/filters.ts). */
export type FilterKind = 'focus' | 'ignore' | 'hide' | 'show' | 'tagfocus' | 'tagignore';
interface Filter<K extends FilterKind> {
  kind: K;
  pattern: string;
}

export type Transform =
  | Filter<'focus'>
  | Filter<'ignore'>
  | Filter<'hide'>
  | Filter<'show'>
  | Filter<'tagfocus'>
  | Filter<'tagignore'>
  | { kind: 'granularity'; value: Granularity }
  | StackTransform;

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
  /** A list may hold several of this kind (each its own step), not one that a new one replaces. */
  multiple?: boolean;
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

type ByName = Extract<StackTransform, { name: string }>;

/** A stack transform about one function, named in full in its parameter. */
function byName<K extends ByName['kind']>(kind: K, label: string): TransformDef<{ kind: K; name: string }> {
  return {
    param: kind,
    parse: (text) => (text ? { kind, name: text } : null),
    text: (t) => t.name,
    label: (t) => `${label}: ${t.name}`,
    error: () => null,
    apply: (t, view) => {
      // { kind: K; name } is one of ByName's members for every K.
      (view.stack ??= []).push(t as ByName);
    },
    multiple: true,
  };
}

/** Separates a call path's names in its parameter: no function name holds a line break. */
const PATH_SEPARATOR = '\n';

export const TRANSFORMS: { [K in TransformKind]: TransformDef<TransformOf<K>> } = {
  focus: filter('focus', 'Focus', regexError),
  ignore: filter('ignore', 'Ignore', regexError),
  hide: filter('hide', 'Hide', regexError),
  show: filter('show', 'Show', regexError),
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
  subtree: {
    param: 'subtree',
    parse: (text) => (text ? { kind: 'subtree', path: text.split(PATH_SEPARATOR) } : null),
    text: (t) => t.path.join(PATH_SEPARATOR),
    label: (t) => `Focus on subtree: ${t.path.join(' → ')}`,
    error: () => null,
    apply: (t, view) => {
      (view.stack ??= []).push(t);
    },
    multiple: true,
  },
  focusfn: byName('focusfn', 'Focus on function'),
  merge: byName('merge', 'Merge into callers'),
  drop: byName('drop', 'Drop samples through'),
  rec: byName('rec', 'Collapse recursion'),
  prefix: {
    param: 'collapse',
    parse: (text) => (normalizePrefix(text) ? { kind: 'prefix', prefix: normalizePrefix(text) } : null),
    text: (t) => t.prefix,
    label: (t) => `Collapse: ${collapsedName(t.prefix)}`,
    error: (t) => prefixError(t.prefix),
    apply: (t, view) => {
      (view.stack ??= []).push(t);
    },
    multiple: true,
  },
  prunefrom: {
    param: 'prune_from',
    parse: (text) => (text ? { kind: 'prunefrom', pattern: text } : null),
    text: (t) => t.pattern,
    label: (t) => `Prune callees of: ${t.pattern}`,
    error: (t) => regexError(t.pattern),
    apply: (t, view) => {
      (view.stack ??= []).push(t);
    },
    multiple: true,
  },
};
