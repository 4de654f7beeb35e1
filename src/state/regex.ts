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

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
