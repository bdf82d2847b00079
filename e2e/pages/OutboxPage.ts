import type { Page } from 'playwright-core';

/** "Hàng chờ gửi": the records kept on the device, each with its state. */
export class OutboxPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<OutboxPage> {
    await page.goto('/outbox');
    await page.getByRole('heading', { level: 1, name: 'Hàng chờ gửi' }).waitFor();
    return new OutboxPage(page);
  }

  /** The count in the frame's header ("3 mục chờ gửi"), or '' when nothing waits. */
  async frameCount(): Promise<string> {
    const count = this.page.getByTestId('outbox-count');
    return (await count.count()) ? (await count.innerText()).trim() : '';
  }

  /** Each item as "state: title", in the order they are sent. */
  async items(): Promise<string[]> {
    const rows = this.page.getByTestId('outbox-item');
    const out: string[] = [];
    for (const row of await rows.all()) {
      const state = (await row.locator('.outbox-badge').innerText()).trim();
      const title = (await row.locator('strong').first().innerText()).trim();
      out.push(`${state}: ${title}`);
    }
    return out;
  }

  async sendNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gửi ngay' }).click();
  }

  /** The mine-vs-server table of an item needing attention: rows of [field, mine, server]. */
  async comparison(): Promise<string[][]> {
    const rows = this.page.locator('.outbox-compare tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('th, td').allInnerTexts()).map((t) => t.trim()));
    return out;
  }

  async sendMine(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gửi bản của tôi (thay bản trên máy chủ)' }).click();
  }
}
