/**
 * The Timeline tab: the trace's timeline is built in the worker on first open (a progress
 * bar with cancel), then drawn by TimelineCanvas with the slice details and the range's
 * goroutine analysis beside it.
 */
import { useState } from 'react';
import type { FileEntry } from '../../state/files';
import { useWorkerCall } from '../shared/useWorkerCall';
import { TimelineCanvas } from './TimelineCanvas';
import './timeline.css';

export function TimelineView({ file }: { file: FileEntry }) {
  const [cancelled, setCancelled] = useState(false);
  const open = useWorkerCall('timelineOpen', cancelled ? null : { file: file.id });
  if (cancelled)
    return (
      <div className="tl-status" role="status">
        <p>Building the timeline was cancelled.</p>
        <button type="button" className="btn" onClick={() => setCancelled(false)}>
          Build it
        </button>
      </div>
    );
  if (open.error)
    return (
      <p className="tl-status view-error" role="alert">
        Could not build the timeline of {file.name}: {open.error}
      </p>
    );
  if (!open.data) {
    const p = open.progress;
    return (
      <div className="tl-status" role="status">
        <p>Building the timeline of {file.name}… {p ? `${Math.round((p.done / p.total) * 100)}%` : ''}</p>
        <progress max={1} value={p ? p.done / p.total : undefined} aria-label="Building the timeline" />
        <button type="button" className="btn small" onClick={() => setCancelled(true)}>
          Cancel
        </button>
      </div>
    );
  }
  return <TimelineCanvas key={file.id} file={file.id} info={open.data} />;
}
