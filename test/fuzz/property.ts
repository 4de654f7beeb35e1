/**
 * The property every parser must keep, for any input: `openBytes` either gives a file
 * whose invariants hold (invariants.ts), or refuses it with an OpenError whose message
 * says what is wrong and whose cause is the parser's own error, never a TypeError, a
 * RangeError (an index or a length the file decided, a recursion too deep) or another
 * sign of a bug; and it answers within a time bound. A refusal says where: a byte offset
 * within the bytes the parser read (the input, or for gzip what it inflates to), and for a
 * text refused at a line, that line's number. An archive is read as the worker reads one
 * (archive.ts): every entry under the same property, and the pods grouping and table.
 */
import { archiveFormat } from '../../src/formats/archive/format';
import { OpenError, openBytes, type OpenedFile } from '../../src/formats/open';
import { archiveHolds } from './archive';
import { gunzipSync } from 'node:zlib';
import { checkOpened } from './invariants';

/** How many bytes a parser reads from an input: its inflated length when it is gzip. */
function readLength(bytes: Uint8Array): number {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.length;
  try {
    return gunzipSync(bytes).length;
  } catch {
    return bytes.length;
  }
}

/** Far above any input here (they are under 2 MB): reaching it means a loop the file drives. */
export const TIME_BOUND_MS = 10_000;

const BUG_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError];

/** Throws when the property fails; else says whether the input was read or refused. */
export async function holds(bytes: Uint8Array): Promise<'read' | 'refused'> {
  const t0 = performance.now();
  try {
    // As the worker does: an archive is read entry by entry, anything else opened.
    const format = archiveFormat(bytes);
    return format ? await archiveHolds(bytes, format, fileHolds) : (await fileHolds(bytes)).result;
  } finally {
    const ms = performance.now() - t0;
    if (ms > TIME_BOUND_MS) throw new Error(`took ${ms.toFixed(0)} ms for ${bytes.length} bytes`);
  }
}

/** One file's bytes opened: its model checked, or its refusal. */
async function fileHolds(bytes: Uint8Array): Promise<{ result: 'read' | 'refused'; opened?: OpenedFile; error?: OpenError }> {
  let opened;
  try {
    opened = await openBytes(bytes.slice());
  } catch (e) {
    checkRefusal(e, bytes);
    return { result: 'refused', error: e as OpenError };
  }
  checkOpened(opened, bytes.length);
  return { result: 'read', opened };
}

/** A refusal is an OpenError with a message, a cause that is no bug, and a place within what was read. */
function checkRefusal(e: unknown, bytes: Uint8Array): void {
  if (!(e instanceof OpenError)) throw new Error(`not an OpenError: ${String(e)}`, { cause: e });
  if (!e.message) throw new Error('an OpenError without a message');
  const cause = (e as Error & { cause?: unknown }).cause;
  if (BUG_ERRORS.some((k) => cause instanceof k)) throw new Error(`a bug behind "${e.message}"`, { cause });
  const read = readLength(bytes);
  if (!(Number.isInteger(e.offset) && e.offset! >= 0 && e.offset! <= read)) throw new Error(`offset ${e.offset} outside [0, ${read}] in "${e.message}"`, { cause });
  if (e.line !== undefined && !(Number.isInteger(e.line) && e.line >= 1)) throw new Error(`line ${e.line} in "${e.message}"`, { cause });
}
