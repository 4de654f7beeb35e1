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
