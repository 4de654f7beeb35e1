/**
 * Whether a source file looks like the one a profile was built from: pprof lists whatever
 * the file holds now, so an edited checkout shows values beside the wrong lines. The
 * profile's start line of the function should be its declaration, and every line with a
 * value should exist.
 */

/** Parts of Go's names for function literals and go/defer wrappers: func1, func1.2, gowrap1. */
const LITERAL = /^(func|gowrap|deferwrap)?\d+$/;

/** The name a declaration of `func` would spell ("loadAllRules" for "main.(*RuleStore).loadAllRules"), or null for a literal. */
export function declaredName(func: string): string | null {
  const plain = func.replace(/\[[^\]]*\]/g, '');
  const parts = plain.slice(plain.lastIndexOf('/') + 1).split('.');
  const last = parts[parts.length - 1] ?? '';
  return LITERAL.test(last) ? null : last.replace(/[()*]/g, '');
}

/** Why the file may not be the profile's (in words), or null when nothing says so. */
export function sourceMismatch(func: string, startLine: number, lastValueLine: number, text: readonly string[]): string | null {
  if (lastValueLine > text.length) return `the profile has values on line ${lastValueLine}, but this file has ${text.length} lines`;
  if (startLine <= 0 || startLine > text.length) return startLine > 0 ? `the profile says ${func} starts on line ${startLine}, past this file's end` : null;
  const line = text[startLine - 1];
  const name = declaredName(func);
  const declares = name === null ? line.includes('func') : line.includes(name);
  return declares ? null : `the profile says ${func} starts on line ${startLine}, which here reads “${line.trim()}”`;
}
