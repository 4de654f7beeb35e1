/**
 * The Compare tab: pick two profiles (or a series), see what changed and where.
 * Self-contained: it talks to the worker through the client it is given and keeps its
 * own choices; the shell passes the open files and the shared view (granularity, filters).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FileId, FileInfo } from '../../worker/types';
import type { WorkerClient } from '../../worker/client';
import type { CompareView, DiffMeaning, DiffRequest } from '../../worker/compare-api';
import { comparableOf } from '../../worker/comparable';
import { pairInForce } from '../../analysis/diff/pairs';
import { defaultDiffOptions } from '../../analysis/diff/meaning';
import { stringifyTransforms } from '../../analysis/transforms/list';
import { compareActions, useCompare, type CompareMode } from '../../state/compare';
import { Breadcrumb } from '../flame/Breadcrumb';
import { DiffFlameChart } from './DiffFlameChart';
import { DiffTable } from './DiffTable';
import { Legend } from './Legend';
import { MeaningControls } from './MeaningControls';
import { PairPicker } from './PairPicker';
import { SeriesView } from './SeriesView';
import { SideBySide } from './SideBySide';
import type { Palette } from './diff-colour';
import { useElementSize } from '../shared/useElementSize';
import { callKey, useCall } from '../shared/useWorkerCall';
import { useTableRequest } from './useTableRequest';
import './compare.css';
import { DiffExport } from '../export/DiffExport';

export interface ComparePanelProps {
  client: WorkerClient;
  files: FileInfo[];
  /** Granularity and pprof filters, applied to both sides. */
  view?: CompareView;
  dark?: boolean;
}

const MODES: { id: CompareMode; label: string }[] = [
  { id: 'diff', label: 'Diff' },
  { id: 'sides', label: 'Side by side' },
  { id: 'series', label: 'Series' },
];

const DEFAULT_VIEW: CompareView = { transforms: [] };

export function ComparePanel({ client, files, view = DEFAULT_VIEW, dark = false }: ComparePanelProps) {
  const profiles = useMemo(() => files.flatMap((f) => comparableOf(f) ?? []), [files]);
  const { chosen, mode, series } = useCompare(useShallow((s) => ({ chosen: s.chosen, mode: s.mode, series: s.series })));
  const pair = useMemo(() => pairInForce(profiles, chosen), [profiles, chosen]);
  const base = pair?.base ?? null;
  const target = pair?.target ?? null;

  const [chosenType, setChosenType] = useState<string | null>(null);
  const [override, setOverride] = useState<{ meaning?: DiffMeaning; normalize?: boolean }>({});
  const [zoomPath, setZoomPath] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [palette, setPalette] = useState<Palette>('red-blue');

  // Both sides have the base's sample types (pairs.ts): the base's default comes first.
  const baseInfo = files.find((f) => f.id === base)?.profile;
  const sampleTypes = baseInfo?.sampleTypes.map((t) => t.type) ?? [];
  const sampleType =
    chosenType && sampleTypes.includes(chosenType) ? chosenType : (baseInfo?.sampleTypes[baseInfo.defaultSampleType]?.type ?? sampleTypes[0] ?? null);
  const defaults = defaultDiffOptions(profiles.find((p) => p.id === base)?.kind, sampleType ?? '');
  const meaning = override.meaning ?? defaults.meaning;
  const normalize = override.normalize ?? defaults.normalize;

  // The file list marks the pair and the swap key swaps it while it is on screen.
  const shown = mode !== 'series' && base !== null && target !== null ? { base, target } : null;
  // show() ignores the same pair again, so it may run after every render.
  useEffect(() => compareActions.show(shown));
  useEffect(() => () => compareActions.show(null), []);

  // A new pair, type or view starts unzoomed, with that pair's default meaning.
  const pairKey = `${base}|${target}|${sampleType}`;
  const lastPair = useRef(pairKey);
  useEffect(() => {
    if (lastPair.current === pairKey) return;
    lastPair.current = pairKey;
    setOverride({});
    setZoomPath([]);
  }, [pairKey]);
  const viewKey = stringifyTransforms(view.transforms);
  useEffect(() => setZoomPath([]), [viewKey]);

  const request: DiffRequest | null =
    base !== null && target !== null && sampleType && base !== target
      ? { base, target, sampleType, meaning, normalize, ...view }
      : null;

  // The box appears only once two profiles are open (the early return below): a callback ref says when.
  const [box, setBox] = useState<HTMLElement | null>(null);
  const { width } = useElementSize(box);
  const flameWidth = mode === 'sides' ? Math.floor((width - 12) / 2) : width;
  const flameRequest =
    request && mode !== 'series' && width > 0
      ? { ...request, zoomPath, minFraction: 1 / (2 * Math.max(1, flameWidth)), sides: mode === 'sides' }
      : null;
  const flame = useCall(client, 'diffFlame', flameRequest);
  const answer = flame.data;
  const tableRequest = useTableRequest(request, flame.key !== null && flame.key === callKey(flameRequest));
  // A series starts on the drop's snapshots, else on the first group of one kind from one program.
  const groups = useCall(client, 'seriesGroups', mode === 'series' && !series ? { files: profiles.map((p) => p.id) } : null);
  const snapshots = series ?? groups.data?.groups[0] ?? [];
  const name = (id: FileId | null) => files.find((f) => f.id === id)?.name ?? '';
  const percentLabel = meaning === 'diff_base' ? 'of base total' : 'of total change';

  if (profiles.length < 2)
    return (
      <section className="compare-panel" aria-label="Compare profiles">
        <div className="empty-state">
          <h2>Compare two profiles</h2>
          <p>Open two or more profiles — for example two heap profiles taken minutes apart — to see what grew and where.</p>
        </div>
      </section>
    );

  return (
    <section className="compare-panel" aria-label="Compare profiles">
      <div className="compare-head">
        {mode !== 'series' && (
          <PairPicker
            profiles={profiles}
            base={base}
            target={target}
            sampleType={sampleType}
            sampleTypes={sampleTypes}
            onBase={(b) => compareActions.choose({ base: b, target })}
            onTarget={(t) => base !== null && compareActions.choose({ base, target: t })}
            onSwap={compareActions.swap}
            onSampleType={setChosenType}
          />
        )}
        <div role="tablist" aria-label="Compare view" className="seg compare-modes">
          {MODES.map((m) => (
            <button key={m.id} type="button" role="tab" aria-selected={mode === m.id} className={mode === m.id ? 'on' : ''} onClick={() => compareActions.setMode(m.id)}>
              {m.label}
            </button>
          ))}
        </div>
        {request && mode !== 'series' && <DiffExport client={client} request={request} names={{ base: name(base), target: name(target) }} flame={mode === 'diff'} />}
      </div>

      {mode === 'series' ? (
        <SeriesView key={snapshots.join(',')} client={client} files={files} snapshots={snapshots} view={view} />
      ) : (
        <>
          {base !== null && target === null && (
            <p className="view-error" role="status" data-testid="compare-no-target">
              No other open profile has the sample types of {name(base)}, so it has nothing to be compared with: pick another base.
            </p>
          )}
          <MeaningControls
            meaning={meaning}
            normalize={normalize}
            totals={answer?.totals ?? null}
            unit={answer?.unit ?? ''}
            baseName={name(base)}
            targetName={name(target)}
            onMeaning={(m) => setOverride((o) => ({ ...o, meaning: m }))}
            onNormalize={(n) => setOverride((o) => ({ ...o, normalize: n }))}
          />
          <div className="flame-bar">
            <Breadcrumb path={answer?.path ?? zoomPath} onNavigate={setZoomPath} />
            <span className="spacer" />
            <input
              type="search"
              className="input"
              placeholder="Highlight functions (regex)…"
              aria-label="Highlight functions in the compare flame graphs"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {flame.error && <p className="view-error" role="alert" data-testid="compare-error">{flame.error}</p>}
          <div className="compare-flame-box" ref={setBox} aria-busy={flame.loading}>
            {mode === 'diff' && answer && !flame.error && (
              <section aria-label="Diff flame graph: width is the target's value, colour is the change">
                <Legend palette={palette} dark={dark} onPalette={setPalette} />
                {answer.root.value > 0 ? (
                  <DiffFlameChart
                    answer={answer}
                    width={width}
                    palette={palette}
                    dark={dark}
                    search={search}
                    percentLabel={percentLabel}
                    onZoom={setZoomPath}
                  />
                ) : (
                  <p className="view-empty">No samples on either side — check the filters or the sample type.</p>
                )}
              </section>
            )}
            {mode === 'sides' && !flame.error && (
              <SideBySide sides={answer?.sides ?? null} baseName={name(base)} targetName={name(target)} search={search} dark={dark} onZoom={setZoomPath} />
            )}
          </div>
          {mode === 'diff' && !flame.error && <DiffTable client={client} request={tableRequest} onPick={(n) => setSearch(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)} sandwich={{ palette, dark, percentLabel }} />}
        </>
      )}
    </section>
  );
}
