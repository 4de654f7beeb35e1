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

type NameFilterKind = 'focus' | 'ignore' | 'hide';
type LabelFilterKind = 'tagfocus' | 'tagignore';
interface NameFilter<K extends NameFilterKind> {
  kind: K;
  pattern: string;
}
interface LabelFilter<K extends LabelFilterKind> {
  kind: K;
  expr: string;
}

export type Transform =
  | NameFilter<'focus'>
  | NameFilter<'ignore'>
  | NameFilter<'hide'>
  | LabelFilter<'tagfocus'>
  | LabelFilter<'tagignore'>
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

/** pprof's -focus, -ignore and -hide: a regex over function and file names. */
function nameFilter<K extends NameFilterKind>(kind: K, label: string): TransformDef<NameFilter<K>> {
  return {
    param: kind,
    parse: (text) => (text ? { kind, pattern: text } : null),
    text: (t) => t.pattern,
    label: (t) => `${label}: ${t.pattern}`,
    error: (t) => regexError(t.pattern),
    apply: (t, view) => {
      view[kind] = t.pattern;
    },
  };
}

/** pprof's -tagfocus and -tagignore: a filter over sample labels (analysis/labels/filters.ts). */
function labelFilter<K extends LabelFilterKind>(kind: K, label: string): TransformDef<LabelFilter<K>> {
  return {
    param: kind,
    parse: (text) => (text ? { kind, expr: text } : null),
    text: (t) => t.expr,
    label: (t) => `${label}: ${t.expr}`,
    error: (t) => labelFilterError(t.expr),
    apply: (t, view) => {
      view[kind] = t.expr;
    },
  };
}

export const TRANSFORMS: { [K in TransformKind]: TransformDef<TransformOf<K>> } = {
  focus: nameFilter('focus', 'Focus'),
  ignore: nameFilter('ignore', 'Ignore'),
  hide: nameFilter('hide', 'Hide'),
  tagfocus: labelFilter('tagfocus', 'Tag focus'),
  tagignore: labelFilter('tagignore', 'Tag ignore'),
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
