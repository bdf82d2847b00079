// `npm start`: runs the production build (dist/server/main.js, serving dist/web) with plain node.
// It builds first (`npm run build`) only when the build is missing or older than its sources:
// the build is current when both outputs exist and no input — a file or a folder (a deleted or
// renamed file changes its folder's time) under src/, except tests, nor the build's own
// configuration — was modified after the older of the two outputs. Editing, pulling or checking
// out sources gives them a new modification time; `npm run build` always rebuilds.
// Plain JavaScript because it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(root, 'dist/server/main.js');
const OUTPUTS = [SERVER, path.join(root, 'dist/web/index.html')];
const INPUTS = [
  'src',
  'vite.config.ts',
  'scripts/build.ts',
  'scripts/precompress.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const NOT_BUILT = /\.test\.tsx?$/;

/** The most recently modified input: { file, mtimeMs }. */
export function newestInput() {
  let newest = { file: '', mtimeMs: 0 };
  const consider = (file, stat) => {
    if (stat.mtimeMs > newest.mtimeMs) newest = { file, mtimeMs: stat.mtimeMs };
  };
  const visit = (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      if (!NOT_BUILT.test(file)) consider(file, stat);
      return;
    }
    consider(file, stat);
    for (const name of fs.readdirSync(file)) visit(path.join(file, name));
  };
  for (const input of INPUTS) visit(path.join(root, input));
  return newest;
}

/** Why the build must be made again, or null when it is current. */
export function staleReason() {
  let oldest = Infinity;
  for (const output of OUTPUTS) {
    const stat = fs.statSync(output, { throwIfNoEntry: false });
    if (!stat) return `chưa có ${path.relative(root, output)}`;
    oldest = Math.min(oldest, stat.mtimeMs);
  }
  const newest = newestInput();
  return newest.mtimeMs > oldest ? `${path.relative(root, newest.file)} mới hơn bản dựng` : null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reason = staleReason();
  if (reason) {
    process.stdout.write(`Dựng bản chạy (npm run build): ${reason}.\n`);
    // Under npm, npm_execpath is npm's own script: run it with this node.
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'run', 'build'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      process.stderr.write('Không dựng được bản chạy (npm run build).\n');
      process.exit(result.status ?? 1);
    }
  }
  // Stack traces name dist/server/main.js, whose comments name each source file. Reading the
  // source map costs about half a second of a restart: NODE_OPTIONS=--enable-source-maps asks for it.
  await import(pathToFileURL(SERVER).href);
}
