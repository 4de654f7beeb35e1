/** "Copy link": a link that opens the files that came from this site, with the view as it is. */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFiles } from '../../state/files';
import { linkTo } from '../../state/open-links';

export function CopyLink() {
  const links = useFiles(useShallow((s) => s.files.flatMap((f) => (f.link ? [f.link] : []))));
  const [said, setSaid] = useState<string | null>(null);
  if (links.length === 0) return null;
  const copy = async () => {
    const url = linkTo(location, links, location.hash);
    try {
      await navigator.clipboard.writeText(url);
      setSaid('Link copied');
    } catch {
      // Without clipboard access the link is shown to copy by hand.
      setSaid(url);
    }
  };
  return (
    <span className="copy-link">
      <button type="button" className="btn" title="A link that opens the profiles that came from this site, with this view" onClick={() => void copy()}>
        Copy link
      </button>
      {said && (
        <span role="status" className="muted copy-link-status">
          {said}
        </span>
      )}
    </span>
  );
}
