/**
 * What a trace chart is pointing at, by mouse or keyboard: the cursor (a bucket, a time),
 * the pointer's place for the tooltip, and focus. The keyboard's cursor outlives the mouse
 * leaving; blur clears it; a key press puts the tooltip at the cursor, not the pointer.
 */
import { useState } from 'react';

export function useChartCursor<T>() {
  const [cursor, setCursor] = useState<T | null>(null);
  const [pointer, setPointer] = useState<{ x: number; y: number } | null>(null);
  const [focused, setFocused] = useState(false);
  return {
    cursor,
    pointer,
    focused,
    clear: () => setCursor(null),
    /** The mouse is at `p` (in the svg), over `at`. */
    hover: (p: { x: number; y: number }, at: T) => {
      setPointer(p);
      setCursor(at);
    },
    leave: () => {
      setPointer(null);
      if (!focused) setCursor(null);
    },
    /** A key moved the cursor to `at`. */
    step: (at: T) => {
      setPointer(null);
      setCursor(at);
    },
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      setCursor(null);
    },
  };
}
