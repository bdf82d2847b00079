import type { Page } from 'playwright-core';

/** The home page's "Việc của tôi" panels and the frame's notification bell. */
export class HomePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.waitUntilLoaded();
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: 'Việc của tôi' }).waitFor();
    await this.page.getByTestId('work-notes').waitFor({ timeout: 60_000 });
  }

  /** The panels shown, by their test id suffix (plans, write, approve, late, recs, locked, notes). */
  async panels(): Promise<string[]> {
    const ids = await this.page
      .locator('[data-testid^="work-"]')
      .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace(/^work-/, '')));
    return ids;
  }

  panel(id: string) {
    return this.page.getByTestId(`work-${id}`);
  }

  async count(id: string): Promise<number> {
    const text = (await this.panel(id).locator('.work-count').textContent()) ?? '';
    return Number(text.replace(/\D/g, ''));
  }

  async itemLinks(id: string): Promise<string[]> {
    return (await this.panel(id).locator('.work-list > li > a').allTextContents()).map((s) => s.trim());
  }

  /** What the server says waits for this user, fetched with the page's own session. */
  async serverWork(): Promise<Record<string, { total?: number; unread?: number; items: Record<string, unknown>[] }>> {
    return this.page.evaluate(async () => (await fetch('/api/me/work', { credentials: 'same-origin' })).json());
  }

  get bell() {
    return this.page.getByTestId('notification-bell');
  }

  async bellCount(): Promise<number> {
    const badge = this.page.getByTestId('notification-count');
    if ((await badge.count()) === 0) return 0;
    return Number(((await badge.textContent()) ?? '').replace(/\D/g, ''));
  }

  get bellList() {
    return this.page.getByTestId('notification-list');
  }
}
