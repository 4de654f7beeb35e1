/**
 * Text typed into a field, committed to `onChange` once typing pauses for `ms` (so each
 * keystroke does not ask the worker again). A new value from outside replaces the draft.
 */
import { useEffect, useState } from 'react';

export function useDraft(value: string, onChange: (v: string) => void, ms: number): [string, (text: string) => void] {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    const t = setTimeout(() => {
      if (text !== value) onChange(text);
    }, ms);
    return () => clearTimeout(t);
  }, [text, value, onChange, ms]);
  return [text, setText];
}
