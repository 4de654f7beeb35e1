import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/app/App';
import { startUrlSync } from './state/url-sync';
import { startTheme } from './state/theme';
import { loadSamples } from './ui/drop/samples';
import './ui/app.css';

startTheme();
startUrlSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A newcomer sees a flame graph at once; their own files replace the sample.
void loadSamples();
