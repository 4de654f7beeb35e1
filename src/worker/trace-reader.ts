/// <reference lib="webworker" />
/** Entry of the thread that reads a large trace while the main worker builds its model. */
import type { PipePort } from '../formats/gotrace/pipe/protocol';
import { serveTraceReader } from '../formats/gotrace/pipe/reader-side';

serveTraceReader(self as unknown as PipePort);
