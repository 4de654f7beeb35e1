/**
 * Short keyed hashes for redaction: HMAC-SHA-256 under a key made once per session and
 * never exported, so a hash is the same in every export of the session but cannot be
 * matched against a dictionary of likely names by whoever receives the file.
 */
let key: Promise<CryptoKey> | null = null;

function sessionKey(): Promise<CryptoKey> {
  key ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return key;
}

const utf8 = new TextEncoder();

/** Each string's hash as hex, 12 digits, longer only if two strings would share one. */
export async function hashStrings(strings: Iterable<string>): Promise<Map<string, string>> {
  const k = await sessionKey();
  const list = [...strings];
  const digests = await Promise.all(list.map(async (s) => new Uint8Array(await crypto.subtle.sign('HMAC', k, utf8.encode(s)))));
  const hex = digests.map((d) => Array.from(d, (b) => b.toString(16).padStart(2, '0')).join(''));
  for (let digits = 12; ; digits += 4) {
    const short = hex.map((h) => h.slice(0, digits));
    if (new Set(short).size === short.length || digits >= 64) return new Map(list.map((s, i) => [s, short[i]]));
  }
}
