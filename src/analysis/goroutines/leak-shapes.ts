/**
 * Well-known Go goroutine-leak shapes, recognised from a stack group's frames, state and
 * creator. Each comes with the usual fix in words.
 */

export type LeakShapeId = 'http-body-not-closed' | 'timer-in-loop' | 'receive-without-cancel' | 'send-nobody-reads';

export interface LeakShape {
  id: LeakShapeId;
  title: string;
  advice: string;
}

export const LEAK_SHAPES: Record<LeakShapeId, LeakShape> = {
  'http-body-not-closed': {
    id: 'http-body-not-closed',
    title: 'HTTP response bodies not closed',
    advice:
      'net/http keeps a readLoop/writeLoop goroutine per open connection; when they pile up, ' +
      'response bodies are not closed (defer resp.Body.Close()) or a Transport/Client is made per request.',
  },
  'timer-in-loop': {
    id: 'timer-in-loop',
    title: 'A timer per loop iteration',
    advice:
      'time.After, time.Tick, time.AfterFunc or a sleep per iteration makes a timer (and, for AfterFunc, ' +
      'a goroutine) each time; create one Ticker/Timer outside the loop and stop it.',
  },
  'receive-without-cancel': {
    id: 'receive-without-cancel',
    title: 'A subscription or receive with no cancellation',
    advice:
      'Each goroutine waits for data that never comes and nothing cancels it (context.Background(), no ' +
      'deadline, connection or channel never closed): pass a cancellable context, set deadlines, and ' +
      'unsubscribe or close when the caller is done.',
  },
  'send-nobody-reads': {
    id: 'send-nobody-reads',
    title: 'A send nobody reads',
    advice:
      'Goroutines block sending on a channel whose receiver has gone (it returned on a timeout or error); ' +
      'give the channel a buffer of 1 or select on ctx.Done() when sending.',
  },
};

export interface ShapeInput {
  funcs: string[];
  /** State or inferred wait kind that most goroutines of the group are in. */
  kind: string | null;
  creator: string | null;
  /** Share (0–1) of the group made by its most common creator. */
  creatorShare: number;
  count: number;
  grew: boolean;
}

export function matchLeakShape(g: ShapeInput): LeakShape | null {
  const has = (pred: (f: string) => boolean): boolean => g.funcs.some(pred);
  if (has((f) => f === 'net/http.(*persistConn).readLoop' || f === 'net/http.(*persistConn).writeLoop')) {
    return LEAK_SHAPES['http-body-not-closed'];
  }
  if (
    g.creator === 'time.goFunc' ||
    has((f) => f === 'time.Sleep' || f === 'time.Tick' || f === 'time.After' || f === 'time.NewTimer')
  ) {
    return LEAK_SHAPES['timer-in-loop'];
  }
  if (g.kind === 'chan send' || g.kind === 'chan send (nil chan)') return LEAK_SHAPES['send-nobody-reads'];
  const reading = has((f) => f.endsWith('(*FD).Read') || f.endsWith('.Read') || f.endsWith('.ReadString'));
  const waitsForData =
    (g.kind === 'IO wait' && reading) ||
    g.kind === 'chan receive' ||
    g.kind === 'chan receive (nil chan)' ||
    g.kind === 'select';
  if (waitsForData && g.creatorShare >= 0.9 && (g.grew || g.count >= 100)) return LEAK_SHAPES['receive-without-cancel'];
  return null;
}
