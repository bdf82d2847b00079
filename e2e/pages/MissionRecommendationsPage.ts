import type { Page } from 'playwright-core';

/** Kiến nghị: recommendations by addressee; the addressee reports on them here. */
export class MissionRecommendationsPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('.mon-group').or(this.page.locator('.notice-empty')).first().waitFor();
  }

  card(text: string) {
    return this.page.locator('article.mon-rec', { hasText: text });
  }

  /** The group heading (addressee) a recommendation is listed under. */
  async addresseeOf(text: string): Promise<string> {
    const group = this.page.locator('.mon-group', { has: this.card(text) });
    return ((await group.locator('.mon-group-title').textContent()) ?? '').trim();
  }

  async status(text: string): Promise<string> {
    return ((await this.card(text).locator('.mon-rec-head .badge').first().textContent()) ?? '').trim();
  }

  async showStatus(label: string): Promise<void> {
    await this.page.getByLabel('Tình trạng').selectOption({ label });
    // The previous list stays on screen (dimmed) until the new one arrives.
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    await this.waitUntilLoaded();
  }

  /** Reports on a recommendation: new status and the evidence text. */
  async followUp(text: string, status: string, evidence: string): Promise<void> {
    const card = this.card(text);
    await card.getByRole('button', { name: 'Cập nhật thực hiện' }).click();
    await card.getByLabel(status, { exact: true }).check();
    await card.getByLabel('Kết quả thực hiện, minh chứng').fill(evidence);
    await card.getByRole('button', { name: 'Gửi cập nhật' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Đã cập nhật kiến nghị' }).waitFor();
  }
}
