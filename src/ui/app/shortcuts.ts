/** The keyboard shortcuts, listed once for the handler and the help dialog. */
export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: '/', what: 'Search frames (flame graph) or filter functions (top)' },
  { keys: 'Esc', what: 'Reset zoom · leave a text field · close this dialog' },
  { keys: '1 – 6', what: 'Flame graph · Top · Info · Goroutines · Trace · Compare (where they apply)' },
  { keys: 't', what: 'Toggle dark/light theme' },
  { keys: '?', what: 'Show these shortcuts' },
  { keys: 'Ctrl+V', what: 'Open pasted text (goroutine dump, collapsed stacks) as a file' },
];
