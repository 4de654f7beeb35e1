/**
 * Go quoted strings as the runtime and fmt's %q print them (label keys and values).
 * Supports the escapes both can emit: \a \b \f \n \r \t \v \\ \" \' \xHH \uHHHH
 * \UHHHHHHHH and octal \NNN.
 */

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** Reads a quoted string starting at s[start] === '"'; null if it is not one. */
export function readGoQuoted(s: string, start: number): { value: string; end: number } | null {
  if (s.charCodeAt(start) !== 34) return null;
  let out = '';
  let i = start + 1;
  // Go escapes bytes (\xHH, octal) too; collect them and decode as UTF-8 at the end.
  const bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length) {
      out += new TextDecoder().decode(new Uint8Array(bytes));
      bytes.length = 0;
    }
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      flushBytes();
      return { value: out, end: i + 1 };
    }
    if (c !== '\\') {
      flushBytes();
      out += c;
      i++;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) return null;
    if (e in SIMPLE) {
      flushBytes();
      out += SIMPLE[e];
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = s.slice(i + 2, i + 2 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) return null;
      const v = parseInt(hex, 16);
      if (e === 'x') bytes.push(v);
      else {
        flushBytes();
        out += String.fromCodePoint(v);
      }
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      const oct = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) return null;
      bytes.push(parseInt(oct, 8));
      i += 4;
    } else return null;
  }
  return null;
}

/**
 * Parses a label set: `{"k":"v", "k2":"v2"}` (pprof debug=1, fmt %q) or
 * `{"k": "v"}` (runtime traceback headers, Go 1.26+). Null when malformed.
 */
export function parseGoLabelSet(s: string): [string, string][] | null {
  const out: [string, string][] = [];
  let i = 0;
  const ws = (): void => {
    while (s[i] === ' ') i++;
  };
  ws();
  if (s[i] !== '{') return null;
  i++;
  ws();
  if (s[i] === '}') return i + 1 === s.trimEnd().length ? out : null;
  for (;;) {
    ws();
    const k = readGoQuoted(s, i);
    if (!k) return null;
    i = k.end;
    ws();
    if (s[i] !== ':') return null;
    i++;
    ws();
    const v = readGoQuoted(s, i);
    if (!v) return null;
    i = v.end;
    out.push([k.value, v.value]);
    ws();
    if (s[i] === ',') {
      i++;
      continue;
    }
    if (s[i] === '}') return s.slice(i + 1).trim() === '' ? out : null;
    return null;
  }
}
