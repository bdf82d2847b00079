// The web app: sources in src/web, built into dist/web (served by the API server on the same port).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [react()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Phones on 3G in the provinces: modern syntax is smaller, and every page is its own chunk.
    target: 'es2022',
    // Reported in the build output so the 200 KB first-load budget stays visible.
    reportCompressedSize: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
