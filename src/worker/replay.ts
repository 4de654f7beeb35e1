/**
 * Long work over a trace's bytes (a snapshot, the timeline, a range's profiles), kept in
 * the one Memo and shared by concurrent askers. The shared run carries the first asker's
 * cancel and progress; if that asker cancels it, a later asker who still wants the answer
 * runs it again under its own.
 */
import { isCancelled } from '../formats/gotrace';
import type { RequestContext } from './context';
import type { MemoOptions } from './memo';

export interface ReplayOptions {
  signal: { readonly aborted: boolean };
  onProgress: (done: number, total: number) => void;
}

export async function memoReplay<T>(
  ctx: RequestContext,
  phase: string,
  where: { namespace: string; key: string; deps: readonly object[] },
  run: (opts: ReplayOptions) => Promise<T>,
  memo: MemoOptions<T> = {},
): Promise<T> {
  const opts: ReplayOptions = { signal: ctx.signal, onProgress: (done, total) => ctx.progress(phase, done, total) };
  for (;;) {
    try {
      return await ctx.session.memo.getAsync(where.namespace, where.key, where.deps, () => run(opts), memo);
    } catch (e) {
      if (!isCancelled(e) || ctx.signal.aborted) throw e;
    }
  }
}
