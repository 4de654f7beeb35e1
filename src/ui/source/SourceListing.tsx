/**
 * A source file with a function's flat and cum beside each line, as pprof's -list and
 * weblist show them: the function's lines (or the whole file, the rest dimmed), each line
 * tinted by its cum against the function's hottest, which is scrolled into view.
 * The code is text, never markup.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import type { FunctionFile, LineValue } from '../../worker/source-api';
import { formatExact, formatPercent, formatValue } from '../../state/format';

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
  const hot = useRef<HTMLTableRowElement>(null);
  const byLine = new Map(file.lines.map((l) => [l.line, l]));
  const max = hottest ? Math.abs(hottest.cum) : 0;
  const first = whole ? 1 : file.first;
  const last = whole ? text.length : Math.min(file.last, text.length);
  const fnEnd = Math.min(file.last, text.length);
  useEffect(() => {
    hot.current?.scrollIntoView({ block: 'center' });
  }, [file, whole, text]);
  const rows = [];
  for (let n = first; n <= last; n++) {
    const v = byLine.get(n);
    const isHot = !!hottest && v === hottest;
    const inside = n >= file.first && n <= fnEnd;
    const style = v && max > 0 ? ({ '--heat': Math.abs(v.cum) / max } as CSSProperties) : undefined;
    rows.push(
      <tr key={n} ref={isHot ? hot : undefined} className={`${inside ? '' : 'outside'}${v ? ' has-value' : ''}${isHot ? ' hottest' : ''}`} style={style} data-line={n}>
        <Value v={v?.flat ?? 0} what="flat" unit={unit} total={total} />
        <Value v={v?.cum ?? 0} what="cum" unit={unit} total={total} />
        <td className="line-no" title={isHot ? 'The hottest line of the function' : undefined}>{n}</td>
        <td className="code">{text[n - 1]}</td>
      </tr>,
    );
  }
  return (
    <div className="source-scroll" tabIndex={0} role="region" aria-label={`Source lines of ${name}`}>
      <table className="source-listing">
        <thead>
          <tr>
            <th scope="col" className="num">flat</th>
            <th scope="col" className="num">cum</th>
            <th scope="col" className="line-no">line</th>
            <th scope="col">{file.path}</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </div>
  );
}
