// The production build: files read by a module-relative path still resolve from the bundle, and
// the web files get brotli and gzip copies that decompress to the file.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, withOwnModuleUrl } from './build';
import { precompressDir } from './precompress';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repository, so that the bundles' npm imports resolve from its node_modules.
const cache = path.join(repoRoot, 'node_modules/.cache');
fs.mkdirSync(cache, { recursive: true });
const temp = fs.mkdtempSync(path.join(cache, 'phoihop-build-'));
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

describe('server bundle', () => {
  it('gives each source file its own import.meta.url, relative to the bundle', () => {
    const source = path.join(repoRoot, 'src/server/modules/reference/reference-data.ts');
    const outFile = path.join(repoRoot, 'dist/server/main.js');
    const text = withOwnModuleUrl('const here = fileURLToPath(import.meta.url);', source, outFile);
    expect(text).toBe(
      'const here = fileURLToPath(new URL("../../src/server/modules/reference/reference-data.ts", import.meta.url).href);',
    );
    const relative = /new URL\("([^"]+)"/.exec(text)![1]!;
    expect(new URL(relative, pathToFileURL(outFile)).href).toBe(pathToFileURL(source).href);
    expect(withOwnModuleUrl('export const x = 1;', source, outFile)).toBe('export const x = 1;');
  });

  it("names a worker's bundle beside the server bundle, where the source names the worker's source", () => {
    const source = path.join(repoRoot, 'src/server/common/office/office-reader.ts');
    const outFile = path.join(repoRoot, 'dist/server/main.js');
    const text = withOwnModuleUrl(
      "const w = new URL('./office.worker.ts', import.meta.url); const h = import.meta.url;",
      source,
      outFile,
    );
    expect(text).toBe(
      'const w = new URL("./office.worker.js", import.meta.url); const h = new URL("../../src/server/common/office/office-reader.ts", import.meta.url).href;',
    );
  });

  it('points every module-relative path of the bundle at a file that exists', { timeout: 120_000 }, async () => {
    const outFile = path.join(temp, 'server/main.js');
    await buildServer(outFile);
    const bundle = fs.readFileSync(outFile, 'utf8');
    const urls = [...bundle.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]!);
    const files = urls.map((url) => fileURLToPath(new URL(url, pathToFileURL(outFile))));
    expect(files).toContain(path.join(repoRoot, 'src/server/modules/reference/reference-data.ts'));
    expect(files).toContain(path.join(repoRoot, 'src/server/modules/demo/demo-plan.ts'));
    expect(files).toContain(path.join(temp, 'server/office.worker.js'));
    for (const file of files) expect(fs.existsSync(file), file).toBe(true);
    // Nothing left that would resolve against the bundle's own location instead.
    expect(bundle.replaceAll(/new URL\("[^"]+", import\.meta\.url\)/g, '')).not.toContain('import.meta.url');

    // The bundled worker runs under plain node and reads a workbook.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Trang 1').addRow(['Mã', 'Tên']);
    const data = new Uint8Array(await book.xlsx.writeBuffer());
    const worker = new Worker(path.join(temp, 'server/office.worker.js'), { workerData: { task: 'sheets', data } });
    const answer = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    expect(answer).toEqual({ ok: true, result: [{ name: 'Trang 1', rows: [{ row: 1, values: ['Mã', 'Tên'] }] }] });
  });
});

describe('precompressDir', () => {
  it('writes .br and .gz copies of text files, none for tiny or already compressed ones', async () => {
    const dir = path.join(temp, 'web');
    fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
    const script = `export const words = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `từ ${i}`))};`;
    fs.writeFileSync(path.join(dir, 'assets/app-Ab12.js'), script);
    fs.writeFileSync(path.join(dir, 'tiny.txt'), 'a');
    fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4000, 7));
    // The service worker and the web manifest (vite-plugin-pwa) are sent compressed like the rest.
    const sw = `self.__WB_MANIFEST = ${JSON.stringify(Array.from({ length: 60 }, (_, i) => ({ url: `/assets/p${i}-Ab12.js`, revision: null })))};`;
    fs.writeFileSync(path.join(dir, 'sw.js'), sw);
    const manifest = JSON.stringify({
      name: 'Phối hợp — Điều phối chương trình phối hợp',
      short_name: 'Phối hợp',
      icons: [192, 512].map((size) => ({
        src: `/icons/icon-${size}.png`,
        sizes: `${size}x${size}`,
        type: 'image/png',
      })),
    });
    fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), manifest);

    const result = await precompressDir(dir);

    expect(result).toEqual({ files: 4, written: 6 });
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'sw.js.br'))).toString()).toBe(sw);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'manifest.webmanifest.gz'))).toString()).toBe(manifest);
    // Brotli at its highest quality: smaller than gzip at its highest level (the on-the-fly brotli was not).
    const brSize = fs.statSync(path.join(dir, 'assets/app-Ab12.js.br')).size;
    expect(brSize).toBeLessThan(fs.statSync(path.join(dir, 'assets/app-Ab12.js.gz')).size);
    expect(brSize).toBeLessThanOrEqual(
      zlib.brotliCompressSync(script, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY },
      }).length,
    );
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, 'assets/app-Ab12.js.br'))).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'assets/app-Ab12.js.gz'))).toString()).toBe(script);
    expect(fs.existsSync(path.join(dir, 'tiny.txt.br'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'tiny.txt.gz'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'logo.png.br'))).toBe(false);
  });
});
