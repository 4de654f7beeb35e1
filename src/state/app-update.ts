/**
 * The service worker (build/sw-plugin.ts) that keeps the app usable offline after one visit,
 * and the update it may have waiting: the page offers it ("new version available — reload")
 * rather than swapping code under a running analysis.
 */
import { create } from 'zustand';

export const useAppUpdate = create<{ waiting: ServiceWorker | null }>(() => ({ waiting: null }));

let reloadOnChange = false;

export function startServiceWorker(): void {
  // Not in the dev server nor the single-file build (no sw.js), nor from file:// (no service workers there).
  if (!import.meta.env.PROD || import.meta.env.MODE === 'single' || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const sw = navigator.serviceWorker;
  // The first worker takes over without a reload; only an update the user accepted reloads.
  sw.addEventListener('controllerchange', () => {
    if (reloadOnChange) location.reload();
  });
  sw.register('./sw.js')
    .then((reg) => {
      const offer = (w: ServiceWorker | null) => {
        if (w && sw.controller) useAppUpdate.setState({ waiting: w });
      };
      offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const w = reg.installing;
        w?.addEventListener('statechange', () => {
          if (w.state === 'installed') offer(w);
        });
      });
    })
    .catch(() => {
      /* without it the app works as before, online */
    });
}

export function applyUpdate(): void {
  const w = useAppUpdate.getState().waiting;
  if (!w) return;
  reloadOnChange = true;
  w.postMessage('skip-waiting');
}
