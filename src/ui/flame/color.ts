/**
 * Colour by package: every frame of one package gets one stable hue, so a
 * package's footprint reads as one colour across the graph and across sessions.
 */
import { packageOf } from '../../model/go-names';

/** FNV-1a: small, fast and stable across runs and machines. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Package hues span red through violet (0–270°); magenta is kept for search
 * matches so a highlighted frame never looks like an ordinary package.
 */
export function packageHue(name: string): number {
  return hashString(packageOf(name)) % 271;
}

/** Lightness step from other bits of the hash, so two packages with close hues still differ. */
function lightnessStep(name: string): number {
  return (hashString(packageOf(name)) >>> 9) % 3;
}

export interface FrameColourOptions {
  dark: boolean;
  /** A search is active and this frame does not match it. */
  dimmed: boolean;
  highlighted: boolean;
  /** The synthetic "root" frame: neutral, it is not a package. */
  root?: boolean;
}

export function frameColour(name: string, o: FrameColourOptions): string {
  if (o.highlighted) return o.dark ? 'hsl(312, 90%, 66%)' : 'hsl(312, 95%, 60%)';
  if (o.root) return o.dark ? 'hsl(215, 10%, 58%)' : 'hsl(215, 12%, 80%)';
  const hue = packageHue(name);
  if (o.dimmed) return o.dark ? `hsl(${hue}, 8%, 40%)` : `hsl(${hue}, 10%, 84%)`;
  // Light fills keep the black label text readable in both themes.
  const step = lightnessStep(name);
  return o.dark ? `hsl(${hue}, 52%, ${58 + step * 5}%)` : `hsl(${hue}, 65%, ${68 + step * 5}%)`;
}
