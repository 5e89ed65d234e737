import { defineConfig } from 'vitest/config';

// The UI is served by `callscope serve` from the binary (web/web.go embeds
// dist/). Everything is bundled: no CDN, no external font, so the page works
// on a closed network. `npm run dev` proxies the API to a running server.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': process.env.CALLSCOPE_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
