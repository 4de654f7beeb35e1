/** "New version available — reload", once a newer build has been fetched in the background. */
import { applyUpdate, useAppUpdate } from '../../state/app-update';
import './update-banner.css';

export function UpdateBanner() {
  const waiting = useAppUpdate((s) => s.waiting);
  if (!waiting) return null;
  return (
    <div className="update-banner" role="status">
      New version available —{' '}
      <button type="button" className="btn small" onClick={applyUpdate}>
        reload
      </button>
    </div>
  );
}
