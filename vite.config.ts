import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './build/csp-plugin';
import { inlineWorkers, singleFilePlugin } from './build/single-file-plugin';
import { serviceWorkerPlugin } from './build/sw-plugin';

// Relative base: dist/ works from any sub-path (GitHub Pages project sites).
// `--mode single` (npm run build:single): one HTML file that runs from file://.
export default defineConfig(({ mode }) =>
  mode === 'single'
    ? {
        base: './',
        plugins: [inlineWorkers(), react(), cspPlugin(), singleFilePlugin()],
        // Chromium starts no module worker from a blob: URL on a file:// page; classic ones it does.
        worker: { format: 'iife', plugins: () => [inlineWorkers()] },
        build: {
          outDir: 'dist-single',
          target: 'es2022',
          sourcemap: false,
          chunkSizeWarningLimit: 5000,
          cssCodeSplit: false,
          copyPublicDir: false,
          rollupOptions: { output: { inlineDynamicImports: true } },
        },
      }
    : {
        base: './',
        plugins: [react(), cspPlugin(), serviceWorkerPlugin()],
        worker: { format: 'es' },
        build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
      },
);
