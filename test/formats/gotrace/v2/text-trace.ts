/**
 * Test-only converter from the Go project's text form of v2 traces (`.test` txtar files,
 * testdata README §2.1) to the binary format, so the upstream test cases can be parsed.
 */
import { specByName } from '../../../../src/formats/gotrace/v2/spec';

export interface TextTest {
  expect: string;
  trace: string;
}

/** Splits a txtar archive into its `expect` and `trace` members (plain traces: trace only). */
export function parseTxtar(text: string): TextTest {
  const members = new Map<string, string[]>();
  let cur: string[] | null = null;
  for (const line of text.split('\n')) {
    const m = /^-- (.+) --$/.exec(line);
    if (m) {
      cur = [];
      members.set(m[1], cur);
      continue;
    }
    cur?.push(line);
  }
  if (!members.has('trace')) return { expect: 'SUCCESS', trace: text };
  return { expect: (members.get('expect') ?? []).join('\n').trim(), trace: members.get('trace')!.join('\n') };
}

function uvarint(out: number[], v: bigint): void {
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

/** Go-quoted string → bytes (escapes \x, \n, \t, \\, \", octal, \u). */
function unquote(q: string): number[] {
  if (q[0] !== '"' || q[q.length - 1] !== '"') throw new Error(`bad quoted string ${q}`);
  const s = q.slice(1, -1);
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\') {
      out.push(...enc.encode(c));
      continue;
    }
    const n = s[++i];
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, '\\': 92, '"': 34, "'": 39, a: 7, b: 8, f: 12, v: 11 };
    if (n in simple) out.push(simple[n]);
    else if (n === 'x') {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      out.push(...enc.encode(String.fromCodePoint(parseInt(s.slice(i + 1, i + 1 + len), 16))));
      i += len;
    } else if (n >= '0' && n <= '7') {
      out.push(parseInt(s.slice(i, i + 3), 8));
      i += 2;
    } else throw new Error(`bad escape \\${n}`);
  }
  return out;
}

/** Converts a text trace ("Trace Go1.NN" + event lines) to its binary form. */
export function textToBinary(trace: string): Uint8Array {
  const lines = trace
    .split('\n')
    .map((l) => {
      // Strip comments, but not inside a quoted data string.
      const q = l.indexOf('"');
      const h = l.indexOf('#');
      return h >= 0 && (q < 0 || h < q) ? l.slice(0, h) : l;
    })
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const head = /^Trace\s+Go1\.(\d+)$/.exec(lines[0]);
  if (!head) throw new Error(`bad header line: ${lines[0]}`);
  const out: number[] = [];
  const header = `go 1.${head[1]} trace`;
  for (let i = 0; i < 16; i++) out.push(i < header.length ? header.charCodeAt(i) : 0);
  for (let li = 1; li < lines.length; li++) {
    const tokens = lines[li].split(/\s+/);
    const found = specByName(tokens[0]);
    if (!found) throw new Error(`unknown event ${tokens[0]} on line ${li + 1}`);
    const [id, spec] = found;
    out.push(id);
    const args = tokens.slice(1).map((t) => {
      const eq = t.indexOf('=');
      return { name: t.slice(0, eq), value: BigInt(t.slice(eq + 1)) };
    });
    if (args.length !== spec.args.length) throw new Error(`line ${li + 1}: expected args ${spec.args.join(',')}, got ${tokens.slice(1).join(' ')}`);
    args.forEach((a, i) => {
      if (a.name !== spec.args[i]) throw new Error(`line ${li + 1}: expected arg ${spec.args[i]}, got ${a.name}`);
      uvarint(out, a.value);
    });
    if (tokens[0] === 'Stack') {
      const n = Number(args[1].value);
      for (let f = 0; f < n; f++) {
        const fr = lines[++li].split(/\s+/).map((t) => BigInt(t.slice(t.indexOf('=') + 1)));
        for (const v of fr) uvarint(out, v);
      }
    }
    if (spec.hasData) {
      const line = lines[++li];
      const m = /^data=(".*")$/.exec(line);
      if (!m) throw new Error(`line ${li + 1}: expected data=...`);
      const data = unquote(m[1]);
      uvarint(out, BigInt(data.length));
      out.push(...data);
    }
  }
  return new Uint8Array(out);
}
