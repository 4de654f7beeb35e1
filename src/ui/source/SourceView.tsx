/**
 * The source of one function with its flat and cum per line (pprof's -list), read from a
 * folder the user picks: the profile's recorded path is matched to the folder's files by
 * its longest shared tail, and only that file is read.
 */
import { useState } from 'react';
import { hottestLine } from '../../analysis/source/function-lines';
import { matchSource, pathParts, triedEndings } from '../../analysis/source/match';
import { sourceMismatch } from '../../analysis/source/mismatch';
import { formatPercent, formatValue } from '../../state/format';
import { useView, viewActions } from '../../state/view';
import type { SourceFunction, SourceLinesAnswer } from '../../worker/source-api';
import { FunctionPicker } from '../sandwich/FunctionPicker';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useWorkerCall } from '../shared/useWorkerCall';
import { useSourceFolder, type PickedFolder } from './folder';
import { FolderPicker, filesListed } from './FolderPicker';
import { SourceListing } from './SourceListing';
import { useSourceText } from './useSourceText';
import './source.css';

/** Alternatives named in a message before "and N more". */
const LISTED = 6;

function Choices({ paths, chosen, onChoose, label }: { paths: string[]; chosen?: string; onChoose: (p: string) => void; label: string }) {
  return (
    <span role="group" aria-label={label} className="source-choices">
      {paths.slice(0, LISTED).map((p) => (
        <button key={p} type="button" className={`btn small${p === chosen ? ' active' : ''}`} aria-pressed={p === chosen} onClick={() => onChoose(p)}>
          {p}
        </button>
      ))}
      {paths.length > LISTED && <span className="muted"> and {paths.length - LISTED} more</span>}
    </span>
  );
}

function FunctionSource({ fn, answer, folder }: { fn: SourceFunction; answer: SourceLinesAnswer; folder: PickedFolder | null }) {
  const [fileIndex, setFileIndex] = useState(0);
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const [whole, setWhole] = useState(false);
  const file = fn.files[Math.min(fileIndex, fn.files.length - 1)];
  const match = folder && file ? matchSource(file.path, folder.index) : null;
  const path = chosenPath ?? match?.best[0] ?? null;
  const source = useSourceText(folder, path);
  if (!file) return <p className="view-empty">No source information for {fn.name}: the profile records no file for it.</p>;
  const { unit, total } = answer;
  const hottest = hottestLine(file.lines);
  const text = source?.path === path ? source.lines : null;
  const lastValueLine = file.lines[file.lines.length - 1]?.line ?? 0;
  const mismatch = text ? sourceMismatch(fn.name, file.startLine, lastValueLine, text) : null;
  const tried = triedEndings(file.path);
  return (
    <>
      <div className="source-routine" data-testid="source-routine">
        {fn.files.length > 1 && (
          <Choices label="Source files of the function" paths={fn.files.map((f) => f.path)} chosen={file.path} onChoose={(p) => {
            setFileIndex(fn.files.findIndex((f) => f.path === p));
            setChosenPath(null);
          }} />
        )}
        <span className="source-totals" data-testid="source-totals" title={`pprof -list: the sums over the function's lines, ${formatPercent(file.cum, total)} of the total ${formatValue(total, unit)}`}>
          flat <strong>{formatValue(file.flat, unit)}</strong> · cum <strong>{formatValue(file.cum, unit)}</strong> ({formatPercent(file.cum, total)} of {formatValue(total, unit)})
        </span>
        <span className="muted">
          lines {file.first}–{file.last} of <span className="source-path">{file.path}</span>
          {hottest && <> · hottest: line {hottest.line}</>}
        </span>
      </div>
      {!folder && <p className="view-empty">Choose the folder of your checkout to see these lines: the file is found by the end of its path, {triedEndings(file.path, 1)[0] ?? file.path}.</p>}
      {folder && match && match.best.length === 0 && !chosenPath && (
        <div className="source-note" role="status" data-testid="source-not-found">
          <p>
            <strong>{file.path}</strong> is not in <strong>{folder.index.name}</strong> ({filesListed(folder.index.fileCount)}). Looked for a file ending in{' '}
            {tried.join(', ')}
            {tried[tried.length - 1]?.split('/').length === pathParts(file.path).length ? '.' : ', …'}
          </p>
          {match.nameOnly.length > 0 && (
            <p>
              Files of the same name in other folders (the lines may belong to another file):{' '}
              <Choices label="Show a file of the same name anyway" paths={match.nameOnly} onChoose={setChosenPath} />
            </p>
          )}
        </div>
      )}
      {folder && match && match.best.length > 1 && (
        <p className="source-note" role="status">
          {match.best.length} files end in the same {match.parts} parts of the path; showing one:{' '}
          <Choices label="Files that match equally" paths={match.best} chosen={path ?? undefined} onChoose={setChosenPath} />
        </p>
      )}
      {source?.error && <p className="view-error" role="alert">{source.error}</p>}
      {mismatch && <p className="source-note warn" role="note">This file may not be the one the profile was built from: {mismatch}.</p>}
      {text && path && (
        <>
          <div className="source-bar">
            <span className="muted">{path}{match && match.best.includes(path) && ` (matched by ${match.parts} trailing path parts)`}</span>
            <button type="button" className={`btn small${whole ? ' active' : ''}`} aria-pressed={whole} onClick={() => setWhole(!whole)}>
              Whole file
            </button>
          </div>
          <SourceListing name={fn.name} file={file} text={text} whole={whole} hottest={hottest} unit={unit} total={total} />
        </>
      )}
    </>
  );
}

export function SourceView({ current }: { current: CurrentProfile }) {
  const name = useView((s) => s.sandwichFunc);
  const folder = useSourceFolder((s) => s.folder);
  const call = useWorkerCall('sourceLines', name ? { file: current.file.id, ...current.options, name } : null);
  const answer = call.data;
  const [fnIndex, setFnIndex] = useState(0);
  const fn = answer?.functions[Math.min(fnIndex, answer.functions.length - 1)];
  return (
    <div className="source-view">
      <div className="top-bar">
        <FunctionPicker key={name ?? ''} current={current} value={name} onPick={viewActions.showSource} label="Function to show the source lines of" />
        <FolderPicker />
      </div>
      {call.error && <p className="view-error" role="alert">Could not compute the lines: {call.error}</p>}
      {!name && <p className="view-empty">Pick a function above, or choose “Source lines” on a flame frame (right-click) or a top row (⋯).</p>}
      {name && answer && answer.functions.length === 0 && <p className="view-empty">This view has no function named {name}: another granularity or a filter leaves it out.</p>}
      {answer && answer.skippedSteps > 0 && (
        <p className="source-note" role="note">Values are pprof's -list under the view's filters: its {answer.skippedSteps} stack transform{answer.skippedSteps > 1 ? 's are' : ' is'} not applied here.</p>
      )}
      {answer && answer.functions.length > 1 && (
        <Choices label="Functions of this name" paths={answer.functions.map((f) => f.name)} chosen={fn?.name} onChoose={(n) => setFnIndex(answer.functions.findIndex((f) => f.name === n))} />
      )}
      {answer && fn && <FunctionSource key={`${current.file.id}|${fn.name}`} fn={fn} answer={answer} folder={folder} />}
    </div>
  );
}
