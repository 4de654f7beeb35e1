/** Picks the function of the callers/callees (or source) view by name, suggesting the view's functions by cum. */
import { useId, useState } from 'react';
import type { CurrentProfile } from '../shared/useCurrentProfile';
import { useDebounced } from '../shared/useDebounced';
import { useWorkerCall } from '../shared/useWorkerCall';

const SUGGESTIONS = 30;

export function FunctionPicker({
  current,
  value,
  onPick,
  label = 'Function to show the callers and callees of',
}: {
  current: CurrentProfile;
  value: string | null;
  onPick: (name: string) => void;
  label?: string;
}) {
  const [text, setText] = useState(value ?? '');
  const listId = useId();
  const filter = useDebounced(text.trim(), 150);
  const top = useWorkerCall('top', {
    file: current.file.id,
    ...current.options,
    sort: 'cum',
    descending: true,
    filter: filter || undefined,
    offset: 0,
    limit: SUGGESTIONS,
  });
  const names = top.data?.rows.map((r) => r.name) ?? [];
  const submit = () => {
    const exact = names.find((n) => n === text.trim()) ?? names[0];
    if (exact) {
      setText(exact);
      onPick(exact);
    }
  };
  return (
    <form
      className="function-picker"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        id="sandwich-function"
        type="search"
        className="input"
        list={listId}
        placeholder="Function (Enter picks the first match)  /"
        aria-label={label}
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          // Choosing from the list puts an exact name in the box.
          if (names.includes(e.target.value)) onPick(e.target.value);
        }}
      />
      <datalist id={listId}>
        {names.map((n) => <option key={n} value={n} />)}
      </datalist>
    </form>
  );
}
