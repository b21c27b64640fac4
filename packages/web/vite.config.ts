import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The web app, built into <repo>/dist/web and served by the cloud (admin center, at /) and the site
 * (console, at /console/). Relative asset paths let one build serve under either prefix. The editor and
 * the charts are separate chunks, loaded when first needed, so the first page stays small.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  logLevel: 'warn',
});
