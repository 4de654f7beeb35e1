/** A trace stack as the UI shows it: resolved frames, leaf first. */
import type { TraceSymbols } from '../../model/trace';

export interface StackFrameInfo {
  func: string;
  file: string;
  line: number;
}

/** Frames of a trace stack, leaf first, at most `max`. */
export function stackFrames(syms: TraceSymbols, stack: number, max = 64): StackFrameInfo[] {
  const n = Math.min(syms.stackLength(stack), max);
  const out: StackFrameInfo[] = [];
  for (let i = 0; i < n; i++) {
    const f = syms.stackFrame(stack, i);
    out.push({ func: syms.strings[syms.funcOf(f)], file: syms.strings[syms.fileOf(f)], line: syms.lineOf(f) });
  }
  return out;
}
