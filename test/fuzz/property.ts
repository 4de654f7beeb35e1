/**
 * The property every parser must keep, for any input: `openBytes` either gives a file
 * whose invariants hold (invariants.ts), or refuses it with an OpenError whose message
 * says what is wrong and whose cause is the parser's own error, never a TypeError, a
 * RangeError (an index or a length the file decided, a recursion too deep) or another
 * sign of a bug; and it answers within a time bound.
 */
import { OpenError, openBytes } from '../../src/formats/open';
import { checkOpened } from './invariants';

/** Far above any input here (they are under 2 MB): reaching it means a loop the file drives. */
export const TIME_BOUND_MS = 10_000;

const BUG_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

/** Throws when the property fails; else says whether the input was read or refused. */
export async function holds(bytes: Uint8Array): Promise<'read' | 'refused'> {
  const t0 = performance.now();
  let opened;
  try {
    opened = await openBytes(bytes.slice());
  } catch (e) {
    if (!(e instanceof OpenError)) throw new Error(`not an OpenError: ${String(e)}`, { cause: e });
    if (!e.message) throw new Error('an OpenError without a message');
    const cause = (e as Error & { cause?: unknown }).cause;
    if (BUG_ERRORS.some((k) => cause instanceof k)) throw new Error(`a bug behind "${e.message}"`, { cause });
    return 'refused';
  } finally {
    const ms = performance.now() - t0;
    if (ms > TIME_BOUND_MS) throw new Error(`took ${ms.toFixed(0)} ms for ${bytes.length} bytes`);
  }
  checkOpened(opened, bytes.length);
  return 'read';
}
