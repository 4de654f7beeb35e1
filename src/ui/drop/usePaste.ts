/** Ctrl+V outside a text field opens the clipboard as a file: a goroutine dump or collapsed stacks, typically. */
import { useEffect } from 'react';
import { fromFile, fromText, nextPasteName, openFiles } from '../../state/files';
import { openDropped } from './land';

function isEditable(t: EventTarget | null): boolean {
  return t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
}

export function usePaste(): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || !e.clipboardData) return;
      const files = Array.from(e.clipboardData.files);
      if (files.length) {
        e.preventDefault();
        void openDropped(files.map(fromFile));
        return;
      }
      const text = e.clipboardData.getData('text/plain');
      if (!text.trim()) return;
      e.preventDefault();
      void openFiles([fromText(nextPasteName(), text)]);
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
}
