import type { Page } from 'playwright-core';

/** "Tiến độ hoạt động": the activities of the plans with their derived status. */
export class ActivitiesPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.locator('.data-table');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    await this.table.or(this.page.locator('.notice-empty')).first().waitFor();
  }

  /** Shows one plan's activities; on a phone the filters first unfold. */
  async showPlan(planId: number): Promise<void> {
    const more = this.page.getByRole('button', { name: 'Lọc thêm' });
    if (await more.isVisible()) await more.click();
    await this.page.getByLabel('Kế hoạch', { exact: true }).selectOption(String(planId));
    await this.page.waitForURL((url) => url.searchParams.get('plan') === String(planId));
    await this.waitUntilLoaded();
  }

  /** The status shown for the activity numbered `number` ("1.3") of a plan. */
  async statusOf(planId: number, number: string): Promise<string> {
    const row = this.table.locator('tbody tr').filter({ has: this.page.getByTestId(`activity-${planId}-${number}`) });
    return (await row.locator('[data-testid^="status-"]').innerText({ timeout: 2_000 })).trim();
  }
}
