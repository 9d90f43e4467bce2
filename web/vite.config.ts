// Builds the web UI from web/ into web/dist, which `gensoku serve` serves at /.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// In development (`npx vite --config web/vite.config.ts`), the API runs separately under `gensoku serve`.
const api = process.env.GENSOKU_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: { proxy: { '/api': api, '/healthz': api } },
});
