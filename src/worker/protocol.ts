/**
 * The messages between the worker client and the worker. Every request has an id: the
 * client can cancel it, progress reports name it, and its answer (or error) comes back
 * under it, with the large typed arrays it holds transferred rather than copied.
 */
import type { Method } from './api';

export type ToWorker = { type: 'request'; id: number; method: Method; params: unknown } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; cancelled: boolean }
  | { type: 'progress'; id: number; phase: string; done: number; total: number };
