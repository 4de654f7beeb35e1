/** Keeps the URL hash and the view store in step (browser only). */
import { decodeHash, encodeHash } from './hash';
import { hashStateOf, useView, viewActions } from './view';

export function startUrlSync(): () => void {
  viewActions.applyHash(decodeHash(location.hash));
  let last = encodeHash(hashStateOf(useView.getState()));

  const unsubscribe = useView.subscribe((s) => {
    const next = encodeHash(hashStateOf(s));
    if (next === last) return;
    last = next;
    // replaceState: typing in a filter must not flood the back button.
    history.replaceState(history.state, '', location.pathname + location.search + next);
  });

  const onHashChange = () => {
    const h = decodeHash(location.hash);
    last = encodeHash(h);
    viewActions.applyHash(h);
  };
  window.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
  };
}
