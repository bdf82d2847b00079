// How the built web app is served (app.ts serveWeb): hashed assets cached for a year, the app shell
// revalidated, the brotli/gzip copies made at build sent as files, nothing compressed twice.
// A fake web folder of tiny files written here: the test does not depend on a build.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head></html>';
const APP_JS = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `từ ${i}`))};\n`;
const PLAIN_JS = `export const other = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `chữ ${i}`))};\n`;

const SW_JS = `self.__WB_MANIFEST = ${JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ url: `/assets/p${i}.js` })))};\n`;
const MANIFEST = JSON.stringify({ name: 'Phối hợp', short_name: 'Phối hợp', lang: 'vi' });

let webDir: string;
let t: TestApp;

function write(relative: string, data: string | Buffer) {
  const file = path.join(webDir, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}
const read = (relative: string) => fs.readFileSync(path.join(webDir, relative));
const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-web-'));
  write('index.html', INDEX);
  write('index.html.br', zlib.brotliCompressSync(INDEX));
  write('index.html.gz', zlib.gzipSync(INDEX));
  write('assets/app-Ab12Cd34.js', APP_JS);
  write('assets/app-Ab12Cd34.js.br', zlib.brotliCompressSync(APP_JS));
  write('assets/app-Ab12Cd34.js.gz', zlib.gzipSync(APP_JS));
  // Above @fastify/compress's 1 KB threshold, without copies: must still go out as it is.
  write('assets/plain-Ef56Gh78.js', PLAIN_JS);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // The service worker and the web manifest (vite-plugin-pwa): unhashed names, compressed at build.
  write('sw.js', SW_JS);
  write('sw.js.br', zlib.brotliCompressSync(SW_JS));
  write('manifest.webmanifest', MANIFEST);
  t = await createTestApp({ webDir });
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('caches a hashed asset for a year, immutable', async () => {
    const res = await get('/assets/app-Ab12Cd34.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('revalidates index.html, the app shell of a client route and an unhashed file', async () => {
    for (const url of ['/', '/index.html', '/plans/12', '/records?page=2', '/favicon.svg']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const shell = await get('/plans/12');
    expect(shell.body).toBe(INDEX);
    expect(shell.headers['content-type']).toMatch(/^text\/html/);
  });

  it('revalidates the service worker and the web manifest, so that a new build is seen at once', async () => {
    const sw = await get('/sw.js', 'br');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['content-type']).toMatch(/javascript/);
    expect(sw.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(sw.rawPayload).toString()).toBe(SW_JS);
    const manifest = await get('/manifest.webmanifest');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.json()).toMatchObject({ short_name: 'Phối hợp', lang: 'vi' });
  });

  it('sends the .br file to a browser that accepts brotli', async () => {
    const res = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.rawPayload.equals(read('assets/app-Ab12Cd34.js.br'))).toBe(true);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(APP_JS);
  });

  it('sends the .gz file to a browser that accepts only gzip', async () => {
    const res = await get('/assets/app-Ab12Cd34.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.equals(read('assets/app-Ab12Cd34.js.gz'))).toBe(true);
  });

  it('sends the file itself to a browser that accepts neither', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'deflate']) {
      const res = await get('/assets/app-Ab12Cd34.js', acceptEncoding);
      expect(res.headers['content-encoding'], acceptEncoding).toBeUndefined();
      expect(res.headers.vary, acceptEncoding).toMatch(/accept-encoding/i);
      expect(res.body, acceptEncoding).toBe(APP_JS);
    }
  });

  it('serves the app shell of a client route from its .br copy too', async () => {
    const res = await get('/plans/12', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.rawPayload.equals(read('index.html.br'))).toBe(true);
  });

  it('never compresses a web file on the fly, even one without copies', async () => {
    const res = await get('/assets/plain-Ef56Gh78.js', 'br, gzip, deflate');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(PLAIN_JS);
  });

  it('does not serve the compressed copies under their own names', async () => {
    expect((await get('/assets/app-Ab12Cd34.js.br')).statusCode).toBe(404);
    expect((await get('/assets/missing-Zz99Yy88.js')).statusCode).toBe(404);
  });

  it('still compresses API answers on the fly', async () => {
    const res = await get('/api/docs/json', 'br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(res.rawPayload).toString())).toHaveProperty('openapi');
  });
});
