/** pprof's -peek for one function: its callers, itself, its callees, each edge's value and share of its cum. */
import type { PeekRow, SandwichAnswer } from '../../worker/profile-api';
import { formatExact, formatPercent, formatValue, visibleMarks } from '../../state/format';

function Edge({ row, answer, onPick, role }: { row: PeekRow; answer: SandwichAnswer; onPick: (name: string) => void; role: string }) {
  const exact = formatExact(row.value, answer.unit);
  const share = formatPercent(row.value, answer.cum);
  return (
    <tr className={`peek-${role}`}>
      <td className="num" title={exact}>{formatValue(row.value, answer.unit)}</td>
      <td className="num" title={`${share} of the function's cum went through this ${role}`}>{share}</td>
      <td className="name-cell">
        <button type="button" className="link" title={`${role === 'caller' ? 'Called it' : 'Called by it'}: ${exact} (${share} of its cum). Show the callers and callees of ${visibleMarks(row.name)}`} onClick={() => onPick(row.name)}>
          {visibleMarks(row.name)}
        </button>
      </td>
    </tr>
  );
}

export function PeekTable({ name, answer, onPick }: { name: string; answer: SandwichAnswer; onPick: (name: string) => void }) {
  return (
    <table className="peek-table" aria-label={`Callers and callees of ${name}`}>
      <thead>
        <tr>
          <th scope="col" className="num" title="Value that flowed through the edge (each sample once)">value</th>
          <th scope="col" className="num" title="Share of the function's cum">of cum</th>
          <th scope="col">function</th>
        </tr>
      </thead>
      <tbody>
        {answer.callers.length === 0 && (
          <tr><td colSpan={3} className="muted">No callers: it is at the root of its stacks.</td></tr>
        )}
        {answer.callers.map((r) => <Edge key={r.name} row={r} answer={answer} onPick={onPick} role="caller" />)}
        <tr className="peek-self">
          <td className="num" title={formatExact(answer.cum, answer.unit)}>{formatValue(answer.cum, answer.unit)}</td>
          <td className="num" title="cum as a share of the total">{formatPercent(answer.cum, answer.total)}</td>
          <th scope="row" className="name-cell" title={`flat ${formatExact(answer.flat, answer.unit)} (${formatPercent(answer.flat, answer.total)} of the total), cum ${formatExact(answer.cum, answer.unit)}`}>
            {visibleMarks(name)}
          </th>
        </tr>
        {answer.callees.map((r) => <Edge key={r.name} row={r} answer={answer} onPick={onPick} role="callee" />)}
        {answer.callees.length === 0 && (
          <tr><td colSpan={3} className="muted">No callees: all its value is its own (flat).</td></tr>
        )}
      </tbody>
    </table>
  );
}
