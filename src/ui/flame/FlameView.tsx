/** The flame graph tab: breadcrumb, search, and the chart for the current zoom. */
import { useCallback, useRef, useState } from 'react';
import { useElementSize } from '../shared/useElementSize';
import { useWorkerCall } from '../shared/useWorkerCall';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useView, viewActions } from '../../state/view';
import { searchRegex } from './zoom';
import { formatPercent, formatValue } from '../../state/format';
import { Breadcrumb } from './Breadcrumb';
import { FlameSearch } from './FlameSearch';
import { FlameChart } from './FlameChart';
import { InvertToggle } from './InvertToggle';
import { FrameMenu, type MenuTarget } from '../shared/FrameMenu';
import { POD_LABEL } from '../../analysis/pods/merge';
import { framePodRows } from '../pods/framePods';

export function FlameView({ current }: { current: CurrentProfile }) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(box);
  const zoomPath = useView((s) => s.zoomPath);
  const search = useView((s) => s.search);
  const dark = useView((s) => s.theme === 'dark');
  const inverted = useView((s) => s.inverted);

  // Nodes narrower than half a pixel cannot be seen: let the worker drop them.
  const minFraction = width > 0 ? 1 / (2 * width) : 0;
  const flame = useWorkerCall(
    'flame',
    width > 0 ? { file: current.file.id, ...current.options, zoomPath, minFraction, inverted } : null,
  );
  const re = searchRegex(search);
  const found = useWorkerCall(
    'search',
    re ? { file: current.file.id, ...current.options, pattern: re.source } : null,
  );
  const onZoom = useCallback((p: string[]) => viewActions.setZoomPath(p), []);
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const answer = flame.data;
  // A merge of replicas labels each sample with its pod: the tooltip says how much each pod holds of a frame.
  const byPod = !inverted && current.summary.labelKeys.includes(POD_LABEL);
  const describeLater = (path: string[]) => framePodRows(current.file.id, current.options, path);

  return (
    <div className="flame-view">
      <div className="flame-bar">
        <Breadcrumb path={answer?.path ?? zoomPath} onNavigate={onZoom} />
        {answer && (
          <span className="flame-total muted" data-testid="flame-total">
            total {formatValue(answer.total, answer.unit)} {current.sampleType.type}
            {answer.path.length > 0 && ` · zoomed ${formatPercent(answer.root.value, answer.total)}`}
          </span>
        )}
        <InvertToggle />
        <FlameSearch
          value={search}
          onChange={viewActions.setSearch}
          result={found.data}
          unit={answer?.unit ?? current.sampleType.unit}
          busy={found.loading}
        />
      </div>
      {menu && <FrameMenu target={menu} onClose={closeMenu} />}
      <div className="flame-scroll" ref={box} aria-busy={flame.loading}>
        {!answer && flame.loading && <p className="view-empty" role="status">Computing the flame graph…</p>}
        {flame.error && <p className="view-error" role="alert">Could not draw the flame graph: {flame.error}</p>}
        {answer && answer.root.value === 0 && !flame.error && (
          <p className="view-empty">No samples match — check the focus/ignore filters or pick another sample type.</p>
        )}
        {answer && answer.root.value > 0 && !flame.error && (
          <FlameChart
            answer={answer}
            width={width}
            search={search}
            dark={dark}
            onZoom={onZoom}
            onPick={(f) => setMenu(inverted ? { ...f, path: undefined } : f)}
            describeLater={byPod ? describeLater : undefined}
          />
        )}
      </div>
    </div>
  );
}
