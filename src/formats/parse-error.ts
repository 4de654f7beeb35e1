/**
 * A parser's refusal and where in its input it lies, so the file list can say "line 12
 * (byte 3456)" and a test can check the place. `offset` counts bytes of what the parser
 * read (for a gzipped file, the inflated bytes), not UTF-16 units of a decoded string.
 * A refusal of the whole input (nothing readable in it) carries the offset where the
 * reader stopped: its length when it searched to the end.
 */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    /** 1-based line of a text format; absent for binary formats and whole-input refusals. */
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}

/** A text parser's refusal of one line: "line 12 (byte 3456): what is wrong". */
export function lineError(message: string, line: number, offset: number): ParseError {
  return new ParseError(`line ${line} (byte ${offset}): ${message}`, offset, line);
}
