// Vite configuration of the console. `scripts/build-web.ts` builds with it; `npx vite apps/web` serves it for
// development, proxying the API to a running `vigil serve` (VIGIL_URL, default http://127.0.0.1:8080).
import { defineConfig } from 'vite';

const apiTarget = process.env['VIGIL_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  publicDir: 'public',
  // No React plugin: Vite's own oxc transform compiles TSX with the automatic runtime (no `import React`).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server sends `Content-Security-Policy: default-src 'self'`: no data: URIs for small assets and no
    // inline preload polyfill.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
});
