import type { Page } from 'playwright-core';

export class AdminUnitsPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.locator('.data-table');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.table.waitFor();
  }

  /** Types into the search box; results follow once typing pauses. */
  async search(text: string): Promise<void> {
    await this.page.getByLabel('Tìm theo tên').fill(text);
    await this.page.waitForURL((url) => url.searchParams.get('q') === text.trim());
    await this.waitForIdle();
  }

  async chooseGeneration(label: 'Trước 1/7/2025' | 'Từ 1/7/2025'): Promise<void> {
    await this.page.getByText(label, { exact: true }).click();
    await this.waitForIdle();
  }

  /** The unit names in the result table, as shown (full names such as "Tỉnh Điện Biên"). */
  async resultNames(): Promise<string[]> {
    return this.table.locator('tbody a').allTextContents();
  }

  async openUnit(fullName: string): Promise<void> {
    await this.table.getByRole('link', { name: fullName, exact: true }).first().click();
    await this.page.getByRole('heading', { level: 1, name: fullName }).waitFor();
  }

  /** The lineage entries of the open unit: name and badge ("toàn bộ" / "một phần"). */
  async lineage(): Promise<string[]> {
    const items = this.page.getByTestId('lineage').locator('li');
    await items.first().waitFor();
    return (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  private async waitForIdle(): Promise<void> {
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    await this.table.or(this.page.locator('.notice-empty')).first().waitFor();
  }
}
