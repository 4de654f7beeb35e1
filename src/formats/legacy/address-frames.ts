/**
 * Records that carry only addresses (gperftools' profiles, old Go texts without symbol
 * lines) keep each address as a frame named by it, "0x420cef", as the file writes it.
 * Once the memory map at the end of the file is read, each such frame is given the file
 * of the mapping that holds it: that is how pprof names an address it cannot symbolize
 * ("[libc-2.15.so]", or "<unknown>" when no mapping holds it).
 */
import type { Profile } from '../../model/profile';
import type { ProfileBuilder } from '../../model/profile-builder';
import type { MemoryMap } from './memory-map';

const ADDRESS_RE = /^0x[0-9a-f]+$/;

/** The frame of a hex address as written ("0x00bc8f1c" and "0xbc8f1c" are one frame, "0xbc8f1c"). */
export function addressFrame(b: ProfileBuilder, hex: string): number {
  return b.frame(addressName(hex));
}

export function addressName(hex: string): string {
  const digits = hex.replace(/^0x/i, '').replace(/^0+(?=.)/, '').toLowerCase();
  return `0x${digits}`;
}

/** Gives every address frame (no file, no line) the file of its mapping, and the profile its mappings. */
export function placeAddressFrames(p: Profile, map: MemoryMap): void {
  const { func, file, line, count } = p.frames;
  const added = new Map<string, number>();
  for (let f = 0; f < count; f++) {
    const name = p.strings[func[f]];
    if (line[f] !== 0 || p.strings[file[f]] !== '' || !ADDRESS_RE.test(name)) continue;
    const mapped = map.fileOf(BigInt(name));
    if (mapped === '') continue;
    let s = added.get(mapped);
    if (s === undefined) {
      s = p.strings.push(mapped) - 1;
      added.set(mapped, s);
    }
    file[f] = s;
  }
  p.mappings = map.mappings();
}
