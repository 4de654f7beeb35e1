/** Checks a user's regex before it is sent to the worker, so the input can show why it is wrong. */
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
