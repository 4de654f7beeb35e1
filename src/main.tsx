import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { startUrlSync } from './state/url-sync';
import { startTheme } from './state/theme';
import { startServiceWorker } from './state/app-update';
import { loadSamples } from './ui/drop/samples';
import { openLinkedFiles } from './state/open-links';
import './ui/app.css';

startTheme();
startUrlSync();
startServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A link to hosted profiles opens them; else a newcomer sees a flame graph at once (their own files replace the sample).
if (!openLinkedFiles()) void loadSamples();
