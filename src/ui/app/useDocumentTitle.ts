/** The tab's title names the file in view, so a row of goroscope tabs can be told apart. It is set as text: a name is never markup. */
import { useEffect } from 'react';
import { useFiles } from '../../state/files';
import { visibleMarks } from '../../state/format';

export function useDocumentTitle(): void {
  const name = useFiles((s) => s.files.find((f) => f.id === s.selectedId)?.name);
  useEffect(() => {
    document.title = name ? `${visibleMarks(name)} — goroscope` : 'goroscope — Go profile viewer';
  }, [name]);
}
