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
 * The app shell (main.tsx: the UI runtime, router, queries, words), the frame's outbox line
 * (OfflineStatus, lazy in the source) and the data-entry pages (the record form, new and edit)
 * with everything they import (pickers, form widgets, their words and CSS), in one chunk and one
 * stylesheet instead of ~25 small files, each of which cost a request and a round trip on 3G
 * (issue 16). The chunk is the entry itself (no modulepreload polyfill: `build.modulePreload`);
 * rolldown still writes its runtime helpers apart (158 bytes, shared with the ECharts chunk),
 * loaded in parallel. Other pages stay a chunk each, loaded when opened.
 */
const DATA_ENTRY =
  /[\\/]src[\\/]web[\\/](?:main\.tsx$|components[\\/]OfflineStatus\.tsx$|features[\\/]records[\\/](?:RecordCreatePage|RecordEditPage)\.tsx$)/;

/**
 * React's API from Preact's compatibility layer: preact, its hooks and compat are 21 KB minified
 * and 8 KB brotli where react, react-dom and scheduler were 218 KB and 59 KB, and the first load
 * of the record form on 3G must stay under 100 KB (issue 16, bench/README.md). The sources, their
 * types and the libraries (react-router, TanStack Query) keep importing `react`; only the bundle
 * changes. react-router from its own production build (its package exports only the development
 * one, with its warnings).
 */
const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-router$/, replacement: path.join(repoRoot, 'node_modules/react-router/dist/production/index.mjs') },
];

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
  resolve: { alias: PREACT_FOR_REACT },
  build: {
    // Every browser the app supports has modulepreload; the polyfill cost an entry script of its own.
    modulePreload: { polyfill: false },
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // Phones on 3G in the provinces: modern syntax is smaller, and every page is its own chunk.
    target: 'es2022',
    // Reported in the build output so the first-load budget stays visible.
    reportCompressedSize: true,
    rolldownOptions: {
      preserveEntrySignatures: false,
      // react-router looks React 19's useOptimistic up by name and does without it when it is
      // missing, as under preact/compat: not a bug to report on every build.
      onwarn(warning, warn) {
        if (warning.code === 'IMPORT_IS_UNDEFINED' && warning.message.includes('useOptimistic')) return;
        warn(warning);
      },
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
