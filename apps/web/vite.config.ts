import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { apiUrl as api } from './env';
import { precompress } from './precompress';

// The server (apps/server) serves dist/ and the API on one origin; in `vite` dev mode the
// proxy gives the same single-origin setup so the session cookie just works.
export default defineConfig({
  // precompress: brotli and gzip copies of every asset, served by apps/server/src/static.ts.
  plugins: [react(), tailwindcss(), precompress()],
  // A plugin's widgets import React as a peer: one copy for the whole app, or hooks break.
  resolve: { dedupe: ['react', 'react-dom'] },
  // Each page is its own chunk (React.lazy in src/app/pages.tsx); the largest, the template editor
  // with CodeMirror, is ~480 kB minified: warn when a chunk grows past that.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    port: 5173,
    proxy: { '/trpc': api, '/v1': api, '/exports': api },
  },
});
