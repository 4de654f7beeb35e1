/** Where a text parser's refusal should point, worked out from the text itself. */
import { expect } from 'vitest';

/** The UTF-8 byte offset where 1-based `line` of `text` starts. */
export function lineStart(text: string, line: number): number {
  return new TextEncoder().encode(
    text
      .split('\n')
      .slice(0, line - 1)
      .map((l) => `${l}\n`)
      .join(''),
  ).length;
}

/** What an error refusing `text` at `line` carries: the line, its byte offset, and both in the message. */
export function refusedAt(text: string, line: number) {
  const offset = lineStart(text, line);
  return { line, offset, message: expect.stringContaining(`line ${line} (byte ${offset}): `) };
}
