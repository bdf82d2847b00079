import type { Locator, Page } from 'playwright-core';

/** On an issued central plan: "Gửi xuống các tỉnh" (its checklist dialog) and the provinces' overview. */
export class CascadePanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Tình hình triển khai xuống các tỉnh' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Gửi xuống các tỉnh' });
  }

  async waitUntilLoaded(): Promise<void> {
    await this.panel.getByTestId('cascade-summary').waitFor();
  }

  /** Opens the dialog from the plan's action buttons and waits for its checklist. */
  async openSendDialog(): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Thao tác' })
      .getByRole('button', { name: 'Gửi xuống các tỉnh', exact: true })
      .click();
    await this.dialog.getByRole('group', { name: 'Các tỉnh, thành phố' }).getByRole('checkbox').first().waitFor();
  }

  /** Finds each province by words typed without marks, ticks it, and clears the search. */
  async choose(searches: { words: string; province: string }[]): Promise<void> {
    const search = this.dialog.getByLabel('Tìm tỉnh, thành phố');
    for (const { words, province } of searches) {
      await search.fill(words);
      await this.dialog.getByRole('checkbox', { name: province, exact: true }).check();
    }
    await search.fill('');
  }

  /** "Đã chọn N tỉnh, thành phố." */
  async selectedText(): Promise<string> {
    return (await this.dialog.getByRole('status').innerText()).trim();
  }

  /** Presses "Gửi N tỉnh" and waits for the dialog to close and the success notice. */
  async send(): Promise<string> {
    await this.dialog.getByRole('button', { name: /^Gửi \d+ tỉnh$/ }).click();
    await this.dialog.waitFor({ state: 'detached' });
    const notice = this.page.locator('.notice-success').filter({ hasText: 'Đã gửi xuống' });
    await notice.waitFor();
    return (await notice.innerText()).trim();
  }

  /** Shows only provinces at this status ("Đã có dự thảo", "Chưa gửi", …; "Tất cả" for every one). */
  async filterStage(label: string): Promise<void> {
    await this.panel.getByLabel('Tình trạng', { exact: true }).selectOption({ label });
  }

  /** The rows shown: province, its status and whether it links to the province's plan. */
  async rows(): Promise<{ province: string; stage: string; link: string | null }[]> {
    const rows = this.panel.getByTestId('cascade-overview').locator('tbody tr');
    const out = [];
    for (const row of await rows.all()) {
      const cells = row.locator('td');
      const link = row.getByRole('link');
      out.push({
        province: (await cells.nth(0).innerText()).trim(),
        stage: (await cells.nth(1).innerText()).trim(),
        link: (await link.count()) ? await link.getAttribute('href') : null,
      });
    }
    return out;
  }
}
