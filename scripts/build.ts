// `npm run build`, after `vite build` has written dist/web: brotli and gzip copies of the web files
// (precompress.ts), then the server bundle.
//
// Bundles the server (src/server/main.ts and everything it imports from src/) into one ES module,
// dist/server/main.js, run by plain `node`. npm packages stay external (imported from
// node_modules at run time, as under tsx): native modules (argon2), PGlite's WebAssembly and
// data files, swagger-ui's static files all find their own files beside their package.
//
// Why a bundle and not tsc: the sources import each other without extensions
// (moduleResolution "bundler"), which Node's ESM loader refuses. esbuild resolves them the same
// way tsx does (tsx is esbuild underneath).
//
// Files the server reads by a path relative to its own module (refdata/, the demo seed under
// plan-import/fixtures/) are written as `new URL('../x', import.meta.url)`. In one bundle every
// module would share dist/server/main.js as its import.meta.url, so each source file's
// import.meta.url is replaced by that file's own URL, computed relative to the bundle at run time
// (`new URL('../../src/…/file.ts', import.meta.url)`): the paths resolve exactly as under tsx,
// wherever the repository is, and the sources need no change.
//
// Worker threads: a source file named `*.worker.ts` is bundled as its own entry point beside the
// bundle (dist/server/<name>.worker.js), and `new URL('./<name>.worker.ts', import.meta.url)` in a
// source — how a module names the worker it starts — becomes the URL of that built file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { precompressDir } from './precompress';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_ENTRY = path.join(repoRoot, 'src/server/main.ts');
export const SERVER_OUTFILE = path.join(repoRoot, 'dist/server/main.js');
export const WEB_DIR = path.join(repoRoot, 'dist/web');
/** The worker threads' sources (`*.worker.ts`), each bundled to `<name>.worker.js` beside the bundle. */
export const WORKER_ENTRIES = ['src/server/common/office/office.worker.ts'].map((file) => path.join(repoRoot, file));

const WORKER_URL = /new URL\((['"])\.\/([\w-]+)\.worker\.ts\1, import\.meta\.url\)/g;
const BUNDLE_URL = '\0bundle-url\0';

/**
 * A source file's text with its `import.meta.url` replaced by the file's own URL, relative to the
 * bundle, and the URL of a worker's source by that of the worker's bundle.
 */
export function withOwnModuleUrl(source: string, sourceFile: string, outFile: string): string {
  if (!source.includes('import.meta.url')) return source;
  const relative = path.relative(path.dirname(outFile), sourceFile).split(path.sep).join('/');
  return source
    .replace(
      WORKER_URL,
      (_match, _quote, name: string) => `new URL(${JSON.stringify(`./${name}.worker.js`)}, ${BUNDLE_URL})`,
    )
    .replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`)
    .replaceAll(BUNDLE_URL, 'import.meta.url');
}

function ownModuleUrl(outFile: string): Plugin {
  return {
    name: 'own-module-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await fs.promises.readFile(args.path, 'utf8');
        return { contents: withOwnModuleUrl(source, args.path, outFile), loader: 'ts' };
      });
    },
  };
}

export async function buildServer(outFile = SERVER_OUTFILE): Promise<void> {
  const outdir = path.dirname(outFile);
  const entry = (file: string) => ({ in: file, out: path.basename(file, '.ts') });
  await build({
    entryPoints: [{ in: SERVER_ENTRY, out: path.basename(outFile, '.js') }, ...WORKER_ENTRIES.map(entry)],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    plugins: [ownModuleUrl(outFile)],
  });
  // The bundle is ESM whatever the nearest package.json says.
  fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html')))
    throw new Error('dist/web is not built: run "vite build" first.');
  let started = Date.now();
  const { files, written } = await precompressDir(WEB_DIR);
  console.log(`dist/web: ${written} .br/.gz copies of ${files} files in ${Date.now() - started} ms`);
  started = Date.now();
  await buildServer();
  console.log(`dist/server/main.js built in ${Date.now() - started} ms`);
}
