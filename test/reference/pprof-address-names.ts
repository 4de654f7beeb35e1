/**
 * goroscope names a frame it has only an address for by that address ("0x420cef", its
 * mapping's file beside it); `go tool pprof` at function granularity names it by its
 * mapping ("[libc-2.15.so]", or "<unknown>" when none holds it) and so merges every
 * address of one binary into one node. This gives a profile pprof's names for those
 * frames, so the two tops can be compared row by row.
 */
import type { Profile } from '../../src/model/profile';

const ADDRESS_RE = /^0x[0-9a-f]+$/;

export function withPprofAddressNames(p: Profile): Profile {
  const strings = [...p.strings];
  const func = p.frames.func.slice();
  const added = new Map<string, number>();
  for (let f = 0; f < p.frames.count; f++) {
    if (p.frames.line[f] !== 0 || !ADDRESS_RE.test(p.strings[func[f]])) continue;
    const file = p.strings[p.frames.file[f]];
    const name = file ? `[${file.slice(file.lastIndexOf('/') + 1)}]` : '<unknown>';
    let s = added.get(name);
    if (s === undefined) {
      s = strings.push(name) - 1;
      added.set(name, s);
    }
    func[f] = s;
  }
  return { ...p, strings, frames: { ...p.frames, func } };
}
