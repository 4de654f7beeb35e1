/**
 * Exact windows of a big trace's timeline (one with a floor), read again from the trace when
 * the view is finer than the floor. One read at a time: a newer window supersedes the one
 * being read, and the last two read are kept, so panning back and forth costs nothing.
 */
import { TimelineSource } from '../analysis/trace/timeline/lanes';
import { SlotFinder, inGlobalLanes } from '../analysis/trace/timeline/window';
import { buildTimelineWindow } from '../formats/gotrace';
import { typedBytes } from './memo';

interface Window {
  from: number;
  to: number;
  source: TimelineSource | null;
  done: Promise<TimelineSource>;
  signal: { aborted: boolean };
}

const KEEP = 2;

export class TimelineWindows {
  private windows: Window[] = [];
  private finder: SlotFinder | null = null;

  constructor(
    private readonly whole: TimelineSource,
    private readonly bytes: Uint8Array,
  ) {}

  /** A window already read that covers [t0, t1], or null. */
  ready(t0: number, t1: number): TimelineSource | null {
    const w = this.windows.find((x) => x.source && x.from <= t0 && t1 <= x.to);
    return w?.source ?? null;
  }

  /**
   * Reads [t0, t1] with room to pan around it (unless a read covers it); resolves with the
   * window. `onProgress` reports the read when this call starts it.
   */
  read(t0: number, t1: number, onProgress?: (done: number, total: number) => void): Promise<TimelineSource> {
    const have = this.windows.find((x) => x.from <= t0 && t1 <= x.to);
    if (have) return have.done;
    const end = this.whole.timeline.endNs;
    const span = Math.max(t1 - t0, this.whole.timeline.floorNs * 16);
    const from = Math.max(0, t0 - span);
    const to = Math.min(end, t1 + span);
    // Reads not finished are superseded: only the newest view matters.
    for (const w of this.windows) if (!w.source) w.signal.aborted = true;
    const signal = { aborted: false };
    const { model } = this.whole;
    const win: Window = {
      from,
      to,
      source: null,
      signal,
      done: buildTimelineWindow(this.bytes, model.symbols, model.summary.generationIndex, model.summary.clockBaseNs, from, to, { signal, onProgress }).then(
        (tl) => {
          this.finder ??= new SlotFinder(model.goroutines);
          win.source = new TimelineSource(model, inGlobalLanes(tl, this.whole.timeline, this.finder, from));
          return win.source;
        },
      ),
    };
    // A read that failed or was superseded is forgotten; its callers see why.
    win.done.catch(() => (this.windows = this.windows.filter((w) => w !== win)));
    this.windows = [win, ...this.windows.filter((w) => w.source || !w.signal.aborted)].slice(0, KEEP + 1);
    return win.done;
  }

  /** Bytes the windows read hold. */
  heldBytes(): number {
    return this.windows.reduce((n, w) => n + (w.source ? typedBytes(w.source.timeline, [this.whole.timeline]) : 0), 0);
  }
}
