import type { Page } from 'playwright-core';

/** "Tìm kiếm": the results of the header's search box, grouped by kind. */
export class SearchPage {
  constructor(readonly page: Page) {}

  /** Types the words into the header's box (desktop or phone) and opens the results. */
  static async searchFromHeader(page: Page, words: string): Promise<SearchPage> {
    const box = page.getByRole('searchbox', { name: 'Tìm kiếm trong toàn hệ thống' });
    await box.fill(words);
    await box.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words);
    const results = new SearchPage(page);
    await results.waitUntilLoaded();
    return results;
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: /^Kết quả tìm/ }).waitFor();
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    await this.page.locator('.search-group').or(this.page.locator('.notice-empty')).first().waitFor();
  }

  /** The titles listed under a kind's heading ("Bản ghi triển khai"); none when the kind is absent. */
  async titlesUnder(kind: string): Promise<string[]> {
    const group = this.page.getByRole('region', { name: kind, exact: true });
    if ((await group.count()) === 0) return [];
    return (await group.locator('.search-hits > li > a').allTextContents()).map((t) => t.trim());
  }

  async open(kind: string, title: string): Promise<void> {
    await this.page.getByRole('region', { name: kind, exact: true }).getByRole('link', { name: title }).click();
  }
}
