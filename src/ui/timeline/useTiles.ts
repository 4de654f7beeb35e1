/**
 * Keeps the tiles for what the timeline shows. At most one request is in flight: while the
 * user zooms or pans, the window moves every frame, and the worker answers the latest
 * window once the one before has landed (a queue of stale windows would only lag). The
 * last tiles stay usable meanwhile: the canvas maps them to the moving window.
 */
import { useEffect, useRef, useState } from 'react';
import { CancelledError } from '../../worker/client';
import type { TilesAnswer } from '../../worker/timeline-api';
import type { FileId } from '../../worker/types';
import { worker } from '../../state/worker';
import type { Viewport } from './viewport';

export interface TileState {
  tiles: TilesAnswer | null;
  /** Lane key → index in tiles. */
  index: Map<string, number>;
  error: string | null;
}

/** How soon to ask again while the worker reads a window of a big trace. */
const RETRY_MS = 150;

/** Tiles are asked for a little wider than the window, so a short pan needs no new ones to look whole. */
const MARGIN = 0.25;

interface Ask {
  t0: number;
  t1: number;
  width: number;
  lanes: string[];
}

export function useTiles(file: FileId, view: Viewport, width: number, lanes: string[], endNs: number): TileState {
  const [state, setState] = useState<TileState>({ tiles: null, index: new Map(), error: null });
  const inFlight = useRef<AbortController | null>(null);
  const pending = useRef<Ask | null>(null);
  const alive = useRef(true);

  const send = (ask: Ask) => {
    const cancel = new AbortController();
    inFlight.current = cancel;
    worker()
      .call('timelineTiles', { file, ...ask }, { signal: cancel.signal })
      .then(
        (tiles) => {
          if (!alive.current) return;
          setState({ tiles, index: new Map(ask.lanes.map((k, i) => [k, i])), error: null });
          // Finer tiles are being read from the trace: ask again for them, unless the view moved on.
          if (tiles.pending) setTimeout(() => alive.current && !inFlight.current && !pending.current && send(ask), RETRY_MS);
        },
        (e: unknown) => {
          if (!alive.current || e instanceof CancelledError) return;
          setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) }));
        },
      )
      .finally(() => {
        if (inFlight.current === cancel) inFlight.current = null;
        const next = pending.current;
        pending.current = null;
        if (next && alive.current) send(next);
      });
  };

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      inFlight.current?.abort();
    };
  }, [file]);

  const lanesKey = lanes.join('\u0000');
  useEffect(() => {
    if (width <= 0 || lanes.length === 0) return;
    const span = view.t1 - view.t0;
    const t0 = Math.max(0, view.t0 - span * MARGIN);
    const t1 = Math.min(endNs, view.t1 + span * MARGIN);
    const buckets = Math.round((width * (t1 - t0) * Math.min(2, window.devicePixelRatio || 1)) / Math.max(1, span));
    const ask = { t0, t1, width: Math.max(1, buckets), lanes };
    if (inFlight.current) pending.current = ask;
    else send(ask);
    // lanes is captured through lanesKey; send reads the refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file, view.t0, view.t1, width, lanesKey, endNs]);
  return state;
}
