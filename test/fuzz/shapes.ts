/** Which mutations suit each family's seeds. */
import type { Family } from './corpus';
import type { Shape } from './mutate';

export const SHAPES: Record<Family, Shape> = {
  pprof: 'proto',
  'pprof-text': 'text',
  'goroutine-text': 'text',
  folded: 'text',
  legacy: 'binary',
  'trace-v1': 'binary',
  'trace-v2': 'binary',
  archive: 'binary',
};
