/**
 * The patterns transforms take, checked before they are applied (so an input can say why
 * one is wrong and the view keeps working without it) and built from a literal name.
 */

/** Why a regex is invalid, briefly, or null. */
export function regexError(pattern: string): string | null {
  if (!pattern) return null;
  try {
    new RegExp(pattern);
    return null;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    // "Invalid regular expression: /(/: Unterminated group" → "Unterminated group"
    return msg.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}

/** Checks a label filter ("key=re1,re2", "re1,re2", or a numeric range) the way analysis/labels reads it. */
export function labelFilterError(spec: string): string | null {
  if (!spec) return null;
  const eq = spec.indexOf('=');
  for (const part of (eq >= 0 ? spec.slice(eq + 1) : spec).split(',')) {
    const err = regexError(part);
    if (err) return err;
  }
  return null;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A prefix to collapse as typed: without surrounding spaces, and without a trailing '*',
 * which the collapsed frame's own name ends with (collapsedName), so "vendor/*" is "vendor/".
 */
export function normalizePrefix(text: string): string {
  const t = text.trim();
  return t.endsWith('*') ? t.slice(0, -1).trimEnd() : t;
}

/** Why a prefix to collapse cannot be applied, or null (an empty one asks for nothing). */
export function prefixError(prefix: string): string | null {
  if (!prefix) return null;
  if (/[\u0000-\u001f\u007f]/.test(prefix)) return 'No control characters: a prefix is the start of a package path or a folder';
  if (prefix.includes('*')) return 'No wildcards: a prefix matches every name or path that starts with it';
  if (!/[\p{L}\p{N}]/u.test(prefix)) return 'Add a letter or digit: punctuation alone would collapse nearly every frame';
  return null;
}
