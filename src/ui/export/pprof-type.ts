/** The media type pprof downloads are offered as (gzip data; pprof has no registered type). */
export const PPROF_TYPE = 'application/gzip';
