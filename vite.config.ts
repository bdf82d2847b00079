// The web app: sources in src/web, built into dist/web (served by the API server on the same port).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

/** The app's colours (src/web/styles/base.css: --red, --bg), for the manifest and the browser's bar. */
export const THEME_COLOR = '#9f1d20';
export const BACKGROUND_COLOR = '#f3f4f6';

/**
 * The app shell (main.tsx: React, router, queries, words) and the data-entry pages (the record
 * form, new and edit) with everything they import (pickers, form widgets, their words and CSS), in
 * one chunk and one stylesheet instead of ~25 small files, each of which cost a request and a round
 * trip on 3G (issue 16). Rolldown still writes a tiny entry (the modulepreload polyfill, importing
 * this chunk) and its runtime helpers apart. Other pages stay a chunk each, loaded when opened.
 */
const DATA_ENTRY =
  /[\\/]src[\\/]web[\\/](?:main\.tsx$|features[\\/]records[\\/](?:RecordCreatePage|RecordEditPage)\.tsx$)/;

/** Where the manifest is; src/web/pwa/register.ts links it once the page has loaded. */
export const MANIFEST_FILE = 'manifest.webmanifest';

/**
 * Takes the manifest's link, which vite-plugin-pwa writes into index.html, out again: Chromium
 * fetches the manifest and its icon at once (about 10 KB, two requests on the first load's slow
 * link), though only an install needs them; register.ts adds the link after the first page.
 */
function manifestLinkAfterLoad(): Plugin {
  return {
    name: 'phoihop-manifest-link-after-load',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<link rel="manifest"[^>]*>/, ''),
    },
  };
}

export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [
    react(),
    VitePWA({
      // Our own worker (src/web/pwa/sw.ts), for the Background Sync hook of the outbox.
      strategies: 'injectManifest',
      srcDir: 'pwa',
      filename: 'sw.ts',
      // Registered by src/web/pwa/register.ts (after load), not by a script of the plugin.
      injectRegister: false,
      manifestFilename: MANIFEST_FILE,
      includeAssets: ['icons/icon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Phối hợp — Điều phối chương trình phối hợp',
        short_name: 'Phối hợp',
        description: 'Phối hợp — hệ thống điều phối chương trình phối hợp liên ngành',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // The app shell and every page's chunk; not ECharts (only the analytics charts, ~170 KB
        // compressed) nor the province shapes: the worker keeps those once they were fetched.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        globIgnores: ['sw.js', '**/echarts-*.js'],
        maximumFileSizeToCacheInBytes: 1024 * 1024,
      },
    }),
    manifestLinkAfterLoad(),
  ],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Phones on 3G in the provinces: modern syntax is smaller, and every page is its own chunk.
    target: 'es2022',
    // Reported in the build output so the first-load budget stays visible.
    reportCompressedSize: true,
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        codeSplitting: {
          groups: [{ name: 'data-entry', test: DATA_ENTRY, includeDependenciesRecursively: true }],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
