/** The keyboard shortcuts, listed once for the handler and the help dialog. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: '/', what: 'Search frames (flame graph) or filter functions (top)' },
  { keys: 'Esc', what: 'Reset zoom · leave a text field · close this dialog' },
  { keys: '1 – 9', what: 'Flame graph · Top · Info · Callers/callees · Call tree · Goroutines · Timeline · Trace · Compare (where they apply)' },
  { keys: '↑ ↓ ← → · Enter', what: 'Call tree: move, collapse or expand, and show the node in the flame graph' },
  { keys: 'b', what: 'Flame graph and call tree: bottom-up (inverted) or top-down' },
  { keys: 'W / S', what: 'Timeline: zoom in / out (at the pointer; also the wheel over the fixed lanes, or Ctrl+wheel and a pinch anywhere)' },
  { keys: 'A / D', what: 'Timeline: pan left / right (also a drag, or a sideways swipe)' },
  { keys: 'F · double-click', what: 'Timeline: fit the whole trace' },
  { keys: 'Shift+drag', what: 'Timeline: select a range (its goroutines are listed below); Esc clears it' },
  { keys: 'Right-click · ⋯', what: 'A flame frame or top row: callers and callees, source lines, focus, merge, drop, collapse (as transforms)' },
  { keys: 'u', what: 'Undo the last transform' },
  { keys: 'l', what: 'Source: the lines of the function picked in Callers/callees (pprof -list), from a folder you choose' },
  { keys: 'x', what: 'Compare (and the Goroutines tab’s comparison): swap base and target' },
  { keys: 't', what: 'Toggle dark/light theme' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Ctrl+V', what: 'Open pasted text (goroutine dump, collapsed stacks) as a file' },
];
