// Brotli and gzip copies of the built web app's text files (x.js → x.js.br, x.js.gz), made once at
// build time (scripts/build.ts) at the highest levels, so the server sends files instead of
// compressing every response (@fastify/static `preCompressed`, src/server/app.ts). node:zlib rather
// than a Vite plugin: the maintained one (vite-plugin-compression2 2.5.3) declares no Vite peer
// range, so Vite 8 support is not stated, and zlib is part of Node.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; images and fonts (woff2) are compressed already. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|geojson|txt|xml|webmanifest|map|wasm)$/;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Writes file.br and file.gz beside every compressible file of dir. A copy that is not smaller than
 * the file (a tiny file) is not written: the file is then served as it is.
 */
export async function precompressDir(dir: string): Promise<{ files: number; written: number }> {
  const files = filesUnder(dir).filter((file) => COMPRESSIBLE.test(file));
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const data = await fs.promises.readFile(file);
      const [br, gz] = await Promise.all([
        brotli(data, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          },
        }),
        gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      for (const [suffix, copy] of [
        ['.br', br],
        ['.gz', gz],
      ] as const) {
        if (copy.length < data.length) {
          await fs.promises.writeFile(file + suffix, copy);
          written++;
        } else {
          await fs.promises.rm(file + suffix, { force: true });
        }
      }
    }),
  );
  return { files: files.length, written };
}
