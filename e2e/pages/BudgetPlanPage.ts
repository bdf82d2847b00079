import type { Page } from 'playwright-core';

/** The planned-amounts editor: a row per activity, a column per funding source. */
export class BudgetPlanPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('.mon-budget-edit input').first().waitFor();
  }

  /** The amount box of a source for an activity ("Ngân sách địa phương", "1.1"). */
  cell(source: string, activity: string) {
    return this.page.getByLabel(`${source} — ${activity}`, { exact: true });
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^Lưu dự toán/ }).click();
  }

  get notice() {
    return this.page.getByRole('status');
  }

  async grandTotal(): Promise<string> {
    return ((await this.page.locator('.mon-actions strong').textContent()) ?? '').trim();
  }
}
