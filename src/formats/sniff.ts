/**
 * What a file is, from its first bytes — never from its name: Operations hand over
 * `main-1-trace-1.pprof`, which is an execution trace.
 */
import { looksLikeFolded } from './folded/parse';
import { isGzip } from './gzip';
import { looksLikeGoroutineText } from './goroutine-text';
import { sniffTraceHeader } from './gotrace/header';
import { pprofTextForm, type PprofTextForm } from './pprof-text';
import { legacyTextForm, looksLikeLegacyCpu, type LegacyForm } from './legacy';

export type Sniffed =
  | { as: 'empty' }
  | { as: 'gzip' }
  | { as: 'trace'; version: number }
  | { as: 'goroutine-text'; form: 'debug=1' | 'debug=2' }
  | { as: 'pprof-text'; form: PprofTextForm }
  | { as: 'legacy'; form: LegacyForm }
  | { as: 'folded' }
  | { as: 'pprof' }
  | { as: 'text' }
  | { as: 'binary' };

const HEAD = 64 * 1024;

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { as: 'empty' };
  if (isGzip(bytes)) return { as: 'gzip' };
  const trace = sniffTraceHeader(bytes);
  if (trace) return { as: 'trace', version: trace.version };
  const head = bytes.subarray(0, HEAD);
  if (isMostlyText(head)) {
    const text = new TextDecoder().decode(head);
    const form = looksLikeGoroutineText(text);
    if (form) return { as: 'goroutine-text', form };
    const pprofText = pprofTextForm(text);
    if (pprofText) return { as: 'pprof-text', form: pprofText };
    const legacy = legacyTextForm(text);
    if (legacy) return { as: 'legacy', form: legacy };
    if (looksLikeFolded(text, head.length === bytes.length)) return { as: 'folded' };
    return { as: 'text' };
  }
  if (looksLikeLegacyCpu(bytes)) return { as: 'legacy', form: 'cpu' };
  if (looksLikeProfileProto(bytes)) return { as: 'pprof' };
  return { as: 'binary' };
}

/** Text if there are no NULs and almost no other control bytes (UTF-8 passes). */
function isMostlyText(b: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x1b) control++;
  }
  return control <= b.length / 100;
}

/** Wire type each field of profile.proto's Profile message may use (13 may be packed). */
const PROFILE_WIRE: Record<number, number[]> = {
  1: [2], 2: [2], 3: [2], 4: [2], 5: [2], 6: [2], 7: [0], 8: [0], 9: [0], 10: [0], 11: [2], 12: [0], 13: [0, 2], 14: [0],
};

/** The first top-level fields parse as a Profile message's fields. */
export function looksLikeProfileProto(b: Uint8Array): boolean {
  let pos = 0;
  let fields = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= b.length) return -1;
      const byte = b[pos++];
      v += (byte & 0x7f) * mul;
      if (byte < 0x80) return v;
      mul *= 128;
    }
    return -1;
  };
  while (pos < b.length && fields < 32) {
    const tag = varint();
    if (tag < 0) return false;
    const field = Math.floor(tag / 8);
    const wt = tag % 8;
    if (!PROFILE_WIRE[field]?.includes(wt)) return false;
    const v = varint();
    if (v < 0) return false;
    if (wt === 2) {
      if (pos + v > b.length) return false;
      pos += v;
    }
    fields++;
  }
  return fields > 0;
}
