import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from '../global-setup';

/** A page as paper: its "In" button, the print media, and the PDF headless Chromium makes of it. */
export class PrintLayout {
  constructor(readonly page: Page) {}

  get button() {
    return this.page.getByRole('button', { name: 'In', exact: true });
  }

  /** Presses "In" with window.print replaced by a recorder; returns the document title it printed under. */
  async pressPrint(): Promise<string | null> {
    await this.page.evaluate(() => {
      const w = window as unknown as { printedAs?: string | null; print(): void };
      w.printedAs = null;
      w.print = () => {
        w.printedAs = document.title;
        window.dispatchEvent(new Event('afterprint'));
      };
    });
    await this.button.click();
    return this.page.evaluate(() => (window as unknown as { printedAs: string | null }).printedAs);
  }

  async asPaper(): Promise<void> {
    await this.page.emulateMedia({ media: 'print' });
  }

  async asScreen(): Promise<void> {
    await this.page.emulateMedia({ media: 'screen' });
  }

  /** What paper shows of the frame and the page (their computed visibility). */
  async shown(): Promise<{ nav: boolean; header: boolean; button: boolean; title: boolean; stamp: string | null }> {
    const visible = (selector: string) =>
      this.page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const box = el.getBoundingClientRect();
          return getComputedStyle(el).display !== 'none' && box.width > 0 && box.height > 0;
        });
    const stamp = this.page.locator('.print-stamp').first();
    return {
      nav: await visible('#app-nav'),
      header: await visible('.app-header'),
      button: await this.button.isVisible(),
      title: await this.page.getByRole('heading', { level: 1 }).first().isVisible(),
      stamp: (await stamp.isVisible()) ? (await stamp.innerText()).trim() : null,
    };
  }

  /** An A4 PDF of the page under e2e/.artifacts/, with its size in bytes. */
  async pdf(name: string): Promise<{ file: string; bytes: number }> {
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    const file = path.join(ARTIFACTS_DIR, `${name}.pdf`);
    await this.page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
    return { file, bytes: fs.statSync(file).size };
  }
}
