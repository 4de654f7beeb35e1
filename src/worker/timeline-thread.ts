/// <reference lib="webworker" />
/** Entry of the thread that builds a large trace's timeline while the main worker builds its model. */
import type { PipePort } from '../formats/gotrace/pipe/protocol';
import { serveTimelineBuilder } from '../formats/gotrace/pipe/timeline-side';

serveTimelineBuilder(self as unknown as PipePort);
