/** The main area: whatever the selected file allows — views, progress, or why it cannot be shown. */
import { useEffect, useMemo } from 'react';
import { applicableTransforms } from '../../analysis/transforms/list';
import { useFiles } from '../../state/files';
import { useView, viewActions } from '../../state/view';
import { describeKind } from '../../model/file-kind';
import { useCurrentProfile, useSelectedFile } from '../shared/useCurrentProfile';
import { ViewControls } from '../controls/ViewControls';
import { FlameView } from '../flame/FlameView';
import { TopView } from '../top/TopView';
import { SandwichView } from '../sandwich/SandwichView';
import { SourceView } from '../source/SourceView';
import { TreeView } from '../tree/TreeView';
import { InfoPanel } from '../info/InfoPanel';
import { OpenButton } from '../drop/OpenButton';
import { GoroutinesView } from '../goroutines/GoroutinesView';
import { TraceView } from '../trace/TraceView';
import { ComparePanel } from '../compare/ComparePanel';
import { worker } from '../../state/worker';
import { Tabs } from './Tabs';
import { shownTab } from './tabs';
import { TimelineView } from '../timeline/TimelineView';

function EmptyState() {
  return (
    <div className="empty-state">
      <h2>Open a profile</h2>
      <p>Drop pprof profiles (cpu, heap, allocs, goroutine, mutex, block, threadcreate), goroutine dumps, execution traces or collapsed stacks anywhere on this page.</p>
      <p><OpenButton /></p>
      <p className="muted">or paste a goroutine dump with Ctrl+V. Files are parsed in this tab; nothing is uploaded.</p>
    </div>
  );
}

function Status({ children }: { children: React.ReactNode }) {
  return <div className="status-box">{children}</div>;
}

/** A drop of several files: its view is chosen once all are read (ui/drop/land.ts). */
function Landing({ ids }: { ids: number[] }) {
  const progress = useFiles((s) => s.files.reduce((sum, f) => sum + (ids.includes(f.id) ? f.progress : 0), 0) / ids.length);
  return (
    <Status>
      <p>Reading {ids.length} files…</p>
      <progress max={1} value={progress} aria-label={`Reading ${ids.length} files`} />
    </Status>
  );
}

export function MainArea() {
  const hasFiles = useFiles((s) => s.files.length > 0);
  const landing = useFiles((s) => s.landing);
  const file = useSelectedFile();
  const current = useCurrentProfile();
  const chosenTab = useView((s) => s.tab);
  const files = useFiles((s) => s.files);
  const compareFiles = useMemo(() => files.flatMap((f) => (f.info ? [f.info] : [])), [files]);
  const dark = useView((s) => s.theme === 'dark');
  const transforms = useView((s) => s.transforms);
  const compareView = useMemo(() => ({ transforms: applicableTransforms(transforms) }), [transforms]);
  // A tab that does not apply to this file (Goroutines for a heap profile) shows the first that does.
  const tab = shownTab(chosenTab, file?.info);
  const selectedId = file?.id;

  // A zoom path belongs to one profile.
  useEffect(() => {
    viewActions.resetZoom();
    viewActions.setTraceGroup(null);
  }, [selectedId]);
  // An execution trace opens on its timeline, unless the link asked for its other tab.
  const isTrace = file?.info?.kind.kind === 'trace';
  useEffect(() => {
    if (isTrace && useView.getState().tab !== 'trace') viewActions.setTab('timeline');
  }, [selectedId, isTrace]);

  let body: React.ReactNode;
  if (landing) body = <Landing ids={landing} />;
  else if (!hasFiles || !file) body = <EmptyState />;
  else if (file.status === 'parsing')
    body = (
      <Status>
        <p>Reading <strong>{file.name}</strong>… {Math.round(file.progress * 100)}%</p>
        <progress max={1} value={file.progress} aria-label={`Parsing ${file.name}`} />
      </Status>
    );
  else if (file.status === 'error')
    body = (
      <Status>
        <p className="view-error"><strong>{file.name}</strong> could not be opened.</p>
        <p>{file.error}</p>
      </Status>
    );
  else if (!current && !isTrace)
    body = (
      <Status>
        <p><strong>{file.name}</strong> is recognised as: {file.info ? describeKind(file.info.kind) : 'unknown'}.</p>
        <p className="muted">It holds no samples to draw: flame graph, top and info need a profile.</p>
      </Status>
    );
  else
    body = (
      <>
        {current && tab !== 'goroutines' && tab !== 'trace' && tab !== 'timeline' && <ViewControls current={current} />}
        <Tabs />
        <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'flame' && current && <FlameView current={current} />}
          {tab === 'top' && current && <TopView current={current} />}
          {tab === 'sandwich' && current && <SandwichView current={current} />}
          {tab === 'tree' && current && <TreeView current={current} />}
          {tab === 'source' && current && <SourceView current={current} />}
          {tab === 'info' && current && <InfoPanel current={current} />}
          {tab === 'goroutines' && current && <GoroutinesView file={current.file.id} />}
          {tab === 'timeline' && <TimelineView key={file.id} file={file} />}
          {tab === 'trace' && <TraceView key={file.id} file={file} />}
          {tab === 'compare' && <ComparePanel client={worker()} files={compareFiles} view={compareView} dark={dark} />}
        </div>
      </>
    );

  return (
    <main className="main" aria-label="Profile view">
      {body}
    </main>
  );
}
