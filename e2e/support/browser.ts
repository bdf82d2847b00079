// Debian's Chromium driven by playwright-core (the bundled browsers cannot be downloaded here).
// Each session gets its own user-data folder, so no cookie or storage leaks between tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { ARTIFACTS_DIR } from '../global-setup';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export interface BrowserOptions {
  /** A profile folder to open again (a device restarted): kept when the session closes; the caller removes it. */
  userDataDir?: string;
  /** Start without network (the browser reopened in a commune with no signal). */
  offline?: boolean;
}

/** A new profile folder for `openBrowser({ userDataDir })`. */
export const newProfile = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phoihop-chromium-'));

export async function openBrowser(
  viewport: { width: number; height: number } = DESKTOP,
  baseURL = inject('baseUrl'),
  options: BrowserOptions = {},
): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const userDataDir = options.userDataDir ?? newProfile();
  const context = await chromium.launchPersistentContext(userDataDir, {
    offline: options.offline ?? false,
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      if (!options.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A full-page screenshot in e2e/.artifacts/ (git-ignored), for a human to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
