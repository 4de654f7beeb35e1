/**
 * Line scanner over UTF-8 bytes that never holds the whole text as one string (a dump
 * can be larger than V8's longest string) and never builds an array of all lines.
 * It decodes one chunk at a time, cut at a newline, and hands out one line at a time.
 * A parser refuses a line through it (fail), which names the line and its byte offset.
 */
import { lineError, ParseError } from './parse-error';

const CHUNK_BYTES = 8 * 1024 * 1024;
const NL = 10;

export class LineReader {
  /** The current line, without its "\n" or "\r\n". */
  line = '';
  /** 1-based number of the current line. */
  lineNo = 0;
  /** False when the last line of the input had no newline (often a cut-off file). */
  lastLineTerminated = true;

  private readonly decoder = new TextDecoder('utf-8');
  private chunk = '';
  private pos = 0;
  private bytePos = 0;
  private ended = false;
  /** Where the current chunk starts in the bytes, and how many lines came before it. */
  private chunkByteStart = 0;
  private chunkLineNo = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly onChunk?: (bytesDone: number, bytesTotal: number) => void,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    // A UTF-8 byte-order mark is not part of the first line.
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.bytePos = 3;
    this.chunkByteStart = this.bytePos;
  }

  /**
   * Byte offset of the current line's start. Worked out when asked (a refusal is rare):
   * each "\n" of the decoded chunk is one 0x0A byte (UTF-8 never uses 0x0A inside a
   * character, and a decoding error never swallows it), so the line starts after the
   * chunk's (k-1)th newline byte, whatever the characters before it.
   */
  get offset(): number {
    let at = this.chunkByteStart;
    for (let k = this.lineNo - this.chunkLineNo - 1; k > 0; k--) at = this.bytes.indexOf(NL, at) + 1;
    return at;
  }

  /** Refuses the input at the current line (at its end once the reader has passed the last line). */
  fail(message: string): never {
    if (this.ended) this.failAtEnd(message);
    throw lineError(message, this.lineNo, this.offset);
  }

  /** Refuses the input as a whole, having read it to the end without finding what it needed. */
  failAtEnd(message: string): never {
    throw new ParseError(message, this.bytes.length);
  }

  get bytesTotal(): number {
    return this.bytes.length;
  }

  /** Advances to the next line; false at the end of the input. */
  next(): boolean {
    if (this.pos >= this.chunk.length && !this.loadChunk()) {
      this.ended = true;
      return false;
    }
    const chunk = this.chunk;
    let end = chunk.indexOf('\n', this.pos);
    let stop: number;
    if (end < 0) {
      // Only the final chunk can end without a newline.
      end = chunk.length;
      stop = end;
      this.lastLineTerminated = false;
    } else {
      stop = end;
    }
    if (stop > this.pos && chunk.charCodeAt(stop - 1) === 13) stop--;
    this.line = chunk.slice(this.pos, stop);
    this.pos = end + 1;
    this.lineNo++;
    return true;
  }

  private loadChunk(): boolean {
    const bytes = this.bytes;
    if (this.bytePos >= bytes.length) return false;
    let end = Math.min(bytes.length, this.bytePos + this.chunkBytes);
    if (end < bytes.length) {
      // Cut after the last newline so no line (and no UTF-8 sequence) straddles chunks.
      const nl = bytes.lastIndexOf(NL, end - 1);
      if (nl >= this.bytePos) end = nl + 1;
      else {
        // A line longer than a chunk: extend to its end.
        const next = bytes.indexOf(NL, end);
        end = next < 0 ? bytes.length : next + 1;
      }
    }
    this.chunk = this.decoder.decode(bytes.subarray(this.bytePos, end));
    this.chunkByteStart = this.bytePos;
    this.chunkLineNo = this.lineNo;
    this.pos = 0;
    this.bytePos = end;
    this.onChunk?.(end, bytes.length);
    return this.chunk.length > 0 || this.loadChunk();
  }
}

/** Decodes at most `maxBytes` from the start, for sniffing. */
export function headText(bytes: Uint8Array, maxBytes = 64 * 1024): string {
  return new TextDecoder('utf-8').decode(bytes.subarray(0, Math.min(bytes.length, maxBytes)));
}
