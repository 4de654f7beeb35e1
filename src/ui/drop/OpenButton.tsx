import { useRef } from 'react';
import { fromFile } from '../../state/files';
import { openDropped } from './land';

/** A file picker for many files at once. The input stays in the DOM (tests and keyboard users reach it). */
export function OpenButton({ className = 'btn primary', label = 'Open files…', testId }: { className?: string; label?: string; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Open profile files"
        data-testid={testId}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Reset so choosing the same file again still fires a change.
          e.currentTarget.value = '';
          void openDropped(files.map(fromFile));
        }}
      />
    </>
  );
}
