/**
 * The Compare tab: pick two profiles (or a series), see what changed and where.
 * Self-contained: it talks to the worker through the client it is given and keeps its
 * own choices; the shell passes the open files and the shared view (granularity, filters).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FileId, FileInfo } from '../../worker/types';
import type { WorkerClient } from '../../worker/client';
import type { CompareView, DiffMeaning, DiffRequest, PairOption } from '../../worker/compare-api';
import { stringifyTransforms } from '../../analysis/transforms/list';
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

type Mode = 'diff' | 'sides' | 'series';
const MODES: { id: Mode; label: string }[] = [
  { id: 'diff', label: 'Diff' },
  { id: 'sides', label: 'Side by side' },
  { id: 'series', label: 'Series' },
];

const DEFAULT_VIEW: CompareView = { transforms: [] };

function findPair(pairs: PairOption[], a: FileId, b: FileId): PairOption | undefined {
  return pairs.find((p) => (p.base === a && p.target === b) || (p.base === b && p.target === a));
}

export function ComparePanel({ client, files, view = DEFAULT_VIEW, dark = false }: ComparePanelProps) {
  const profileIds = useMemo(() => files.filter((f) => f.profile).map((f) => f.id), [files]);
  const pairsCall = useCall(client, 'comparablePairs', profileIds.length >= 2 ? { files: profileIds } : null);
  const pairs = pairsCall.data?.pairs ?? [];

  const [chosen, setChosen] = useState<{ base: FileId; target: FileId } | null>(null);
  const [chosenType, setChosenType] = useState<string | null>(null);
  const [override, setOverride] = useState<{ meaning?: DiffMeaning; normalize?: boolean }>({});
  const [mode, setMode] = useState<Mode>('diff');
  const [zoomPath, setZoomPath] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [palette, setPalette] = useState<Palette>('red-blue');

  // The user's pair while both files are open, else the suggested one.
  const valid = chosen && profileIds.includes(chosen.base) && profileIds.includes(chosen.target) && chosen.base !== chosen.target;
  const suggested = pairsCall.data?.suggested ?? null;
  const base = valid ? chosen.base : (suggested?.base ?? null);
  const target = valid ? chosen.target : (suggested?.target ?? null);
  const pair = base !== null && target !== null ? findPair(pairs, base, target) : undefined;
  const sampleTypes = pair?.sampleTypes ?? [];
  const baseInfo = files.find((f) => f.id === base);
  const sampleType =
    chosenType && sampleTypes.includes(chosenType)
      ? chosenType
      : (pair?.defaultSampleType ?? baseInfo?.profile?.sampleTypes[baseInfo.profile.defaultSampleType]?.type ?? null);
  const defaults = (pair && sampleType && pair.defaults[sampleType]) || { meaning: 'diff_base' as const, normalize: false };
  const meaning = override.meaning ?? defaults.meaning;
  const normalize = override.normalize ?? defaults.normalize;

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
      ? { base, target, sampleType, meaning, normalize, files: profileIds, ...view }
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
  const name = (id: FileId | null) => files.find((f) => f.id === id)?.name ?? '';
  const percentLabel = meaning === 'diff_base' ? 'of base total' : 'of total change';

  if (profileIds.length < 2)
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
          files={files}
          pairs={pairs}
          base={base}
          target={target}
          sampleType={sampleType}
          sampleTypes={sampleTypes}
          onChange={(b, t) => setChosen({ base: b, target: t })}
          onSampleType={setChosenType}
        />
        )}
        <div role="tablist" aria-label="Compare view" className="seg compare-modes">
          {MODES.map((m) => (
            <button key={m.id} type="button" role="tab" aria-selected={mode === m.id} className={mode === m.id ? 'on' : ''} onClick={() => setMode(m.id)}>
              {m.label}
            </button>
          ))}
        </div>
        {request && mode !== 'series' && <DiffExport client={client} request={request} names={{ base: name(base), target: name(target) }} flame={mode === 'diff'} />}
      </div>

      {mode === 'series' ? (
        <SeriesView client={client} files={files} candidates={pairsCall.data?.series ?? []} view={view} />
      ) : (
        <>
          {pairsCall.data && pairs.length === 0 && (
            <p className="view-error" role="alert">No two open profiles share a sample type, so none can be compared.</p>
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
          {mode === 'diff' && !flame.error && <DiffTable client={client} request={tableRequest} onPick={(n) => setSearch(`^${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)} />}
        </>
      )}
    </section>
  );
}
