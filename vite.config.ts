import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp-plugin';
import { serviceWorkerPlugin } from './build/sw-plugin';

// Relative base: dist/ works from any sub-path (GitHub Pages project sites).
export default defineConfig({
  base: './',
  plugins: [react(), cspPlugin(), serviceWorkerPlugin()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
