/**
 * The last check before a redacted export is offered: its bytes (uncompressed) must hold
 * none of the strings it replaced. A string of 4 bytes or more must not occur anywhere; a
 * shorter one (a label value such as "GET" occurs by chance in any binary) must not be an
 * entry of the string table, which is where profile.proto keeps every string.
 */
const utf8 = new TextEncoder();
/** profile.proto's string_table: field 6, length-delimited. */
const STRING_TABLE_TAG = (6 << 3) | 2;
const SHORT = 4;

/** The strings of `replaced` found in `bytes`. */
export function findLeaks(bytes: Uint8Array, replaced: Iterable<string>): string[] {
  // Patterns are indexed by their first three bytes; a scan looks each window up.
  const byPrefix = new Map<number, { text: string; bytes: Uint8Array }[]>();
  const seen = new Uint8Array(1 << 21);
  for (const text of replaced) {
    const b = utf8.encode(text);
    if (b.length === 0) continue;
    const pattern = b.length >= SHORT ? b : Uint8Array.of(STRING_TABLE_TAG, b.length, ...b);
    const key = (pattern[0] << 16) | (pattern[1] << 8) | pattern[2];
    let list = byPrefix.get(key);
    if (!list) byPrefix.set(key, (list = []));
    list.push({ text, bytes: pattern });
    seen[key >> 3] |= 1 << (key & 7);
  }
  const found = new Set<string>();
  for (let i = 0; i + 2 < bytes.length; i++) {
    const key = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    if (!(seen[key >> 3] & (1 << (key & 7)))) continue;
    for (const p of byPrefix.get(key)!) {
      if (found.has(p.text) || i + p.bytes.length > bytes.length) continue;
      let k = 3;
      while (k < p.bytes.length && bytes[i + k] === p.bytes[k]) k++;
      if (k === p.bytes.length) found.add(p.text);
    }
  }
  return [...found];
}
