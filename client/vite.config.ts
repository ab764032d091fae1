import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Builds into client/dist, which the server serves at / (SPA fallback). Dev proxies the API. */
export default defineConfig({
  root,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    // ws: the presenter's live moves come over a WebSocket on the same path.
    proxy: { '/graphql': { target: process.env.API_URL ?? 'http://localhost:4000', changeOrigin: true, ws: true } },
  },
});
