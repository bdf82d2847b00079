import type { Page } from 'playwright-core';

export class AgenciesPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.locator('.data-table');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.table.waitFor();
  }

  /** Types a date as dd/mm/yyyy into "Tên gọi tại ngày" and waits for the names of that day. */
  async showNamesAt(date: string): Promise<void> {
    await this.page.getByLabel('Tên gọi tại ngày').fill(date);
    await this.page.getByText(`tên gọi tại ngày ${date}`).waitFor();
  }

  async agencyNames(): Promise<string[]> {
    return this.table.locator('tbody strong').allTextContents();
  }
}
