/** Frames as the views draw them: names and locations, no indices. */
import type { Profile } from '../../model/profile';
import { isStdFunction } from '../../model/go-names';

export interface FrameInfo {
  func: string;
  file: string;
  line: number;
}

export function frameInfo(p: Profile, f: number): FrameInfo {
  return { func: p.strings[p.frames.func[f]], file: p.strings[p.frames.file[f]], line: p.frames.line[f] };
}

/** First frame (leaf first) of the user's code, or null when all are runtime/std. */
export function topUserFrame(p: Profile, framesLeafFirst: number[]): number {
  for (const f of framesLeafFirst) if (!isStdFunction(p.strings[p.frames.func[f]])) return f;
  return -1;
}
