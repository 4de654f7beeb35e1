/**
 * A view's transforms as one ordered list: its text (the URL hash's and every cache's key),
 * its edits, and the call tree's view it makes. Nothing here names a kind: kinds.ts does.
 */
import type { Granularity } from '../calltree/frame-keys';
import { TRANSFORMS, type Transform, type TransformDef, type TransformKind, type TransformOf, type TreeView } from './kinds';

function defOf(t: Transform): TransformDef<Transform> {
  return TRANSFORMS[t.kind];
}

const BY_PARAM = new Map<string, TransformDef<Transform>>(Object.values(TRANSFORMS).map((d) => [d.param, d]));

/**
 * "focus=a&g=line": one parameter per transform, in order, escaped as URL query text. It is
 * also the key under which a view is cached, so equal lists give equal keys.
 */
export function stringifyTransforms(list: readonly Transform[]): string {
  return list.map((t) => `${defOf(t).param}=${encodeURIComponent(defOf(t).text(t))}`).join('&');
}

/**
 * The transforms among the parameters of URL query text, in order. Other parameters and
 * garbage are skipped; a kind given twice keeps its first place and its last value, unless
 * it may repeat.
 */
export function parseTransforms(query: string): Transform[] {
  let list: Transform[] = [];
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const def = BY_PARAM.get(eq < 0 ? part : part.slice(0, eq));
    const text = def && eq >= 0 ? decodeQueryText(part.slice(eq + 1)) : null;
    const t = text !== null ? def?.parse(text) : null;
    if (t) list = withTransform(list, t);
  }
  return list;
}

/** Form-encoded text as URLSearchParams reads it ('+' is a space); null when malformed. */
function decodeQueryText(s: string): string | null {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The list with t in place of the entry of its kind, or after the others; without that
 * entry when t asks for nothing (an empty pattern, the default granularity). Kinds that may
 * repeat (the stack transforms) are appended.
 */
export function withTransform(list: readonly Transform[], t: Transform): Transform[] {
  const def = defOf(t);
  const keep = def.parse(def.text(t)) !== null;
  // A step of a kind that may repeat is added after the others, unless the same step is there.
  if (def.multiple) return keep && !list.some((x) => x.kind === t.kind && defOf(x).text(x) === def.text(t)) ? [...list, t] : [...list];
  const i = list.findIndex((x) => x.kind === t.kind);
  if (i < 0) return keep ? [...list, t] : [...list];
  return keep ? list.map((x, j) => (j === i ? t : x)) : list.filter((_, j) => j !== i);
}

/** The entry of one kind, if the list has it. */
export function transformOf<K extends TransformKind>(list: readonly Transform[], kind: K): TransformOf<K> | undefined {
  return list.find((t): t is TransformOf<K> => t.kind === kind);
}

export function transformLabel(t: Transform): string {
  return defOf(t).label(t);
}

/** Why t cannot be applied, or null. */
export function transformError(t: Transform): string | null {
  return defOf(t).error(t);
}

/** The transforms that can be applied: one with an invalid regex is left out, so the view keeps working. */
export function applicableTransforms(list: readonly Transform[]): Transform[] {
  return list.filter((t) => transformError(t) === null);
}

/** What the call-tree builder needs: granularity and pprof's name and label filters. */
export function treeViewOf(list: readonly Transform[]): TreeView {
  const view: TreeView = { granularity: 'function' };
  for (const t of list) defOf(t).apply(t, view);
  return view;
}

/** The list's granularity: all the goroutine views take from it. */
export function granularityOf(list: readonly Transform[]): Granularity {
  return treeViewOf(list).granularity;
}
