// The app's icons (src/web/public/icons/*.png, committed) drawn from the SVGs of src/web/pwa/ by
// Debian's Chromium: no image library and no network. Run again after changing an SVG:
//   npx tsx scripts/make-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(repoRoot, 'src/web/pwa');
const out = path.join(repoRoot, 'src/web/public/icons');

/** [source SVG, size in px, output file] */
const ICONS: [string, number, string][] = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 192, 'maskable-192.png'],
  ['icon-maskable.svg', 512, 'maskable-512.png'],
  ['icon-maskable.svg', 180, 'apple-touch-icon.png'],
];

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (const [source, size, file] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const svg = fs.readFileSync(path.join(sources, source), 'utf8');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body></html>`,
    );
    await page.screenshot({ path: path.join(out, file), omitBackground: true });
    await page.close();
    console.log(`${file}: ${size}×${size}`);
  }
  // The favicon is the SVG itself.
  fs.copyFileSync(path.join(sources, 'icon.svg'), path.join(out, 'icon.svg'));
} finally {
  await browser.close();
}
