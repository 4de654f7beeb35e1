/**
 * A source file with a function's flat and cum beside each line, as pprof's -list and
 * weblist show them: the function's lines (or the whole file, the rest dimmed), each line
 * tinted by its cum against the function's hottest, which is scrolled into view. Only the
 * rows in view exist, so a generated file of 100k lines scrolls like a short one. The code
 * is text, never markup.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { FunctionFile, LineValue } from '../../worker/source-api';
import { formatExact, formatPercent, formatValue } from '../../state/format';
import { useElementSize } from '../shared/useElementSize';
import { visibleRange } from '../top/columns';

const ROW_HEIGHT = 18;

interface Props {
  name: string;
  file: FunctionFile;
  text: string[];
  whole: boolean;
  hottest: LineValue | null;
  unit: string;
  total: number;
}

function Value({ v, what, unit, total }: { v: number; what: string; unit: string; total: number }) {
  if (v === 0) return <td className="num zero">.</td>;
  return (
    <td className="num" title={`${what} ${formatValue(v, unit)}, ${formatPercent(v, total)} of the total (${formatExact(v, unit)})`}>
      {formatValue(v, unit)}
    </td>
  );
}

export function SourceListing({ name, file, text, whole, hottest, unit, total }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const { height } = useElementSize(scroller, 30);
  const [scrollTop, setScrollTop] = useState(0);
  const byLine = new Map(file.lines.map((l) => [l.line, l]));
  const max = hottest ? Math.abs(hottest.cum) : 0;
  const firstLine = whole ? 1 : file.first;
  const lastLine = whole ? text.length : Math.min(file.last, text.length);
  const fnEnd = Math.min(file.last, text.length);
  const count = Math.max(0, lastLine - firstLine + 1);
  // The hottest line in the middle of the view whenever what is listed changes.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !hottest) return;
    const top = Math.max(0, (hottest.line - firstLine) * ROW_HEIGHT - el.clientHeight / 2);
    el.scrollTop = top;
    setScrollTop(el.scrollTop);
  }, [file, whole, text, hottest, firstLine]);
  const [from, to] = visibleRange(scrollTop, height || 600, ROW_HEIGHT, count);
  const rows = [];
  for (let i = from; i < to; i++) {
    const n = firstLine + i;
    const v = byLine.get(n);
    const isHot = !!hottest && v === hottest;
    const inside = n >= file.first && n <= fnEnd;
    const style: CSSProperties = { height: ROW_HEIGHT, ...(v && max > 0 ? { '--heat': Math.abs(v.cum) / max } : {}) };
    rows.push(
      <tr key={n} aria-rowindex={i + 2} className={`${inside ? '' : 'outside'}${v ? ' has-value' : ''}${isHot ? ' hottest' : ''}`} style={style} data-line={n}>
        <Value v={v?.flat ?? 0} what="flat" unit={unit} total={total} />
        <Value v={v?.cum ?? 0} what="cum" unit={unit} total={total} />
        <td className="line-no" title={isHot ? 'The hottest line of the function' : undefined}>{n}</td>
        <td className="code">{text[n - 1]}</td>
      </tr>,
    );
  }
  return (
    <div ref={scroller} className="source-scroll" tabIndex={0} role="region" aria-label={`Source lines of ${name}`} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table className="source-listing" aria-rowcount={count + 1}>
        <thead>
          <tr>
            <th scope="col" className="num">flat</th>
            <th scope="col" className="num">cum</th>
            <th scope="col" className="line-no">line</th>
            <th scope="col">{file.path}</th>
          </tr>
        </thead>
        <tbody>
          {from > 0 && <tr aria-hidden="true" style={{ height: from * ROW_HEIGHT }} />}
          {rows}
          {to < count && <tr aria-hidden="true" style={{ height: (count - to) * ROW_HEIGHT }} />}
        </tbody>
      </table>
    </div>
  );
}
