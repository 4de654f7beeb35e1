/** A stack, leaf first, as a goroutine dump prints it: function, then file:line. Text only. */
import type { StackFrameInfo } from '../../worker/trace-api';
import { shortFuncName } from '../../model/go-names';
import { visibleMarks } from '../../state/format';

export function StackView({ frames, label }: { frames: StackFrameInfo[]; label: string }) {
  if (frames.length === 0) return <p className="tr-empty">No stack recorded.</p>;
  return (
    <ol className="tr-stack" aria-label={label}>
      {frames.map((f, i) => (
        <li key={i}>
          <div>{visibleMarks(f.func) || '?'}</div>
          {f.file && <div className="loc">{visibleMarks(f.file)}:{f.line}</div>}
        </li>
      ))}
    </ol>
  );
}

/** "pkg.fn file.go:12" for one-line cells: the frame's function without import path, and the file's base name. */
export function frameLine(f: StackFrameInfo | undefined): string {
  if (!f) return '—';
  const base = f.file ? f.file.slice(f.file.lastIndexOf('/') + 1) : '';
  const fn = shortFuncName(f.func);
  return visibleMarks(base ? `${fn} ${base}:${f.line}` : fn);
}

/**
 * Where a goroutine is, in one line: the innermost frame and, when that is inside the
 * runtime (selectgo, chanrecv, gopark…), the first caller outside it, which says who waits.
 * A stack wholly inside the runtime names its outermost frame instead (bgsweep,
 * forcegchelper…): otherwise two such stacks would read the same.
 */
export function whereLine(frames: StackFrameInfo[]): string {
  if (frames.length === 0) return '(no stack recorded)';
  const leaf = frameLine(frames[0]);
  if (!isRuntime(frames[0].func)) return leaf;
  const caller = frames.find((f) => !isRuntime(f.func)) ?? frames[frames.length - 1];
  return caller === frames[0] ? leaf : `${leaf} ← ${frameLine(caller)}`;
}

function isRuntime(func: string): boolean {
  return func.startsWith('runtime.') || func.startsWith('internal/') || func.startsWith('sync.') || func.startsWith('time.Sleep');
}
