/** A numeric label's unit: its own, or "bytes" for a key named so (pprof's convention); "" otherwise. */
import type { Profile } from '../../model/profile';

export function numericLabelUnit(p: Profile, row: number): string {
  const unit = p.strings[p.labels.unit[row]];
  return unit || (p.strings[p.labels.key[row]] === 'bytes' ? 'bytes' : '');
}
