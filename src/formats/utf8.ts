const decoder = new TextDecoder('utf-8');

/**
 * Decodes a UTF-8 slice of `buf`. Short ASCII strings (most names in profiles and traces)
 * skip the TextDecoder call, whose overhead dominates at that size.
 */
export function decodeUtf8(buf: Uint8Array, start: number, end: number): string {
  if (end - start < 64) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (buf[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, buf.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(buf.subarray(start, end));
}
