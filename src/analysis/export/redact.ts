/**
 * Redaction of an export: function names, file paths, label values (and keys unless
 * kept), mapping files, build ids and comments become short hashes, except strings a
 * keep pattern matches. Numbers, sample types and the stacks' shape stay, so pprof shows
 * the same values in the same order. The hashes are made by the caller (keyed per session
 * in the worker), so the same string gets the same hash in every export of a session.
 */
import type { DocLabel, PprofDoc } from '../../model/pprof-doc';
import { compileFilter } from '../calltree/filters';
import { findLeaks } from './leak-check';
import { DIFF_BASE_KEY } from './pprof-view';

const utf8 = new TextEncoder();

export interface RedactOptions {
  /** Regexes: a string any of them matches is kept as it is. */
  keep: string[];
  keepLabelKeys: boolean;
}

/**
 * Go's standard library and runtime: a package path whose elements have no dot (unlike
 * github.com/…), other than main; the files under a Go installation's src; the kernel's
 * mappings.
 */
export const DEFAULT_KEEP: readonly string[] = [
  '^runtime\\.',
  '^(?!main\\.)[a-z][a-z0-9_]*(?:/[a-z0-9_]+)*\\.[^/]*$',
  '^(?:/usr/local/go|/usr/lib/go[^/]*|\\$GOROOT)/src/',
  '^\\[(?:vdso|vsyscall|vvar|heap|stack)\\]$',
];

export type RedactRole = 'function' | 'file' | 'label key' | 'label value' | 'mapping' | 'build id' | 'comment';

/** How a replaced string reads: where it is used and its hash, e.g. fn_3f9a0c12d4e7. */
const PREFIX: Record<RedactRole, string> = {
  function: 'fn_',
  file: 'file_',
  'label key': 'key_',
  'label value': 'val_',
  mapping: 'bin_',
  'build id': '',
  comment: 'comment_',
};

export function replacement(role: RedactRole, hash: string): string {
  return PREFIX[role] + hash;
}

/** Every string the options replace, with the first role it was met in. */
export function stringsToReplace(doc: PprofDoc, opts: RedactOptions): Map<string, RedactRole> {
  const keep = opts.keep.map((k) => compileFilter('keep', k)).filter((re) => re !== null);
  const out = new Map<string, RedactRole>();
  // Strings the file shows anyway (sample types, units, kept keys) cannot be hidden elsewhere in it.
  const shown = new Set<string>();
  for (const t of [...doc.sampleTypes, ...(doc.periodType ? [doc.periodType] : [])]) shown.add(t.type).add(t.unit);
  for (const s of doc.samples) {
    for (const l of s.labels) {
      if (l.key === DIFF_BASE_KEY) shown.add(l.key).add(l.str ?? '');
      else if (opts.keepLabelKeys) shown.add(l.key);
      if (l.str === null) shown.add(l.unit);
    }
  }
  const kept = new Set(shown);
  const add = (s: string, role: RedactRole) => {
    if (s === '' || out.has(s) || kept.has(s)) return;
    if (shown.has(s) || keep.some((re) => re.test(s))) kept.add(s);
    else out.set(s, role);
  };
  for (const f of doc.functions) {
    add(f.name, 'function');
    add(f.file, 'file');
  }
  for (const m of doc.mappings) {
    add(m.file, 'mapping');
    add(m.buildId, 'build id');
  }
  for (const s of doc.samples) {
    for (const l of s.labels) {
      if (l.key === DIFF_BASE_KEY) continue;
      add(l.key, 'label key');
      if (l.str !== null) add(l.str, 'label value');
    }
  }
  for (const c of doc.comments) add(c, 'comment');
  keepDisclosed(out, kept);
  return out;
}

/**
 * A string that a kept one contains (gcWriteBarrier in runtime.gcWriteBarrier4) is shown
 * anyway, so it is kept too; else the export's leak check would refuse every such file.
 * Keeping it makes it a kept string in turn, hence the loop.
 */
function keepDisclosed(replace: Map<string, RedactRole>, kept: Set<string>): void {
  let fresh = [...kept];
  while (fresh.length > 0 && replace.size > 0) {
    const disclosed = findLeaks(utf8.encode(fresh.join('\0')), replace.keys());
    for (const s of disclosed) replace.delete(s);
    fresh = disclosed;
  }
}

/** The doc with every string of `replace` as its use's prefix and its hash (`hashes`, same keys). */
export function redactDoc(doc: PprofDoc, replace: Map<string, RedactRole>, hashes: Map<string, string>): PprofDoc {
  // The prefix says where the string is used; the hash is the string's wherever it is.
  const r = (s: string, role: RedactRole) => (replace.has(s) ? replacement(role, hashes.get(s)!) : s);
  const label = (l: DocLabel): DocLabel =>
    l.key === DIFF_BASE_KEY ? l : { ...l, key: r(l.key, 'label key'), str: l.str === null ? null : r(l.str, 'label value') };
  return {
    ...doc,
    comments: doc.comments.map((c) => r(c, 'comment')),
    mappings: doc.mappings.map((m) => ({ ...m, file: r(m.file, 'mapping'), buildId: r(m.buildId, 'build id') })),
    functions: doc.functions.map((f) => ({ name: r(f.name, 'function'), file: r(f.file, 'file') })),
    samples: doc.samples.map((s) => ({ ...s, labels: s.labels.map(label) })),
  };
}
