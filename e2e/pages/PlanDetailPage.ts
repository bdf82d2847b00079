import type { Locator, Page } from 'playwright-core';
import { PlanTimelinePage } from './PlanTimelinePage';

/** One plan: its document, sign-off, workflow buttons and tabs. */
export class PlanDetailPage {
  constructor(readonly page: Page) {}

  get tabs() {
    return this.page.getByRole('navigation', { name: 'Các phần của kế hoạch' });
  }

  async waitUntilLoaded(): Promise<void> {
    await this.tabs.waitFor();
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  }

  /** The plan's id, from the address. */
  id(): number {
    return Number(/\/plans\/(\d+)/.exec(this.page.url())?.[1]);
  }

  async title(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).innerText()).trim();
  }

  /** The status badge under the title ("Dự thảo", "Đã ban hành" …). */
  async status(): Promise<string> {
    return (await this.page.locator('.plan-status-line').getByTestId('plan-status').innerText()).trim();
  }

  /** The names of the workflow buttons offered. */
  async actions(): Promise<string[]> {
    const panel = this.page.getByRole('region', { name: 'Thao tác' });
    const texts = await panel.locator('.button-row').first().locator('a, button').allInnerTexts();
    return texts.map((t) => t.trim());
  }

  /** Issuers with their sign-off line ("Hội Liên hiệp Phụ nữ Việt Nam … Đã ký: …"). */
  async signoff(): Promise<string[]> {
    const items = await this.page.getByTestId('signoff').locator('li').allInnerTexts();
    return items.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  async notice(): Promise<string> {
    return (await this.page.locator('.notice-success, .notice-warning').first().innerText()).trim();
  }

  /** Presses a workflow button, fills its dialog if asked and confirms it. */
  private async run(button: string, fill?: (dialog: Locator) => Promise<void>): Promise<void> {
    await this.page
      .getByRole('region', { name: 'Thao tác' })
      .getByRole('button', { name: button, exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: button });
    await dialog.waitFor();
    await fill?.(dialog);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async submit(): Promise<void> {
    await this.run('Trình ký');
    await this.waitForStatus('Đang xem xét, ký');
  }

  async signFor(agency: string): Promise<void> {
    await this.run(`Ký cho ${agency}`);
    await this.page.locator('.notice-success').getByText('Đã ký.').waitFor();
  }

  async returnWithComment(comment: string): Promise<void> {
    await this.run('Trả lại', (dialog) => dialog.getByLabel('Ý kiến khi trả lại').fill(comment));
    await this.waitForStatus('Dự thảo');
  }

  /**
   * Issues on a date typed as dd/mm/yyyy, with a typed number or, without one, the number the
   * dialog announces from the lead agency's register; returns the number it was issued with.
   */
  async issue(date: string, number?: string): Promise<string> {
    let issuedAs = number ?? '';
    await this.run('Ban hành', async (dialog) => {
      await dialog.getByLabel('Ngày ban hành').fill(date);
      if (number) return dialog.getByLabel('Số, ký hiệu').fill(number);
      const announced = dialog.getByRole('status').filter({ hasText: 'sẽ nhận số' });
      await announced.waitFor();
      issuedAs = /nhận số (\S+)/.exec(await announced.innerText())?.[1] ?? '';
    });
    await this.waitForStatus('Đã ban hành');
    return issuedAs;
  }

  /** "Xây dựng kế hoạch của tỉnh": lands on the province's new draft. */
  async deriveProvincialPlan(): Promise<PlanDetailPage> {
    const before = this.id();
    await this.run('Xây dựng kế hoạch của tỉnh');
    await this.page.waitForURL((url) => /\/plans\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${before}`));
    await this.waitUntilLoaded();
    return this;
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page
      .locator('.plan-status-line')
      .getByTestId('plan-status')
      .getByText(status, { exact: true })
      .waitFor();
  }

  async openTimeline(): Promise<PlanTimelinePage> {
    await this.tabs.getByRole('link', { name: 'Tiến độ theo quý' }).click();
    const timeline = new PlanTimelinePage(this.page);
    await timeline.waitUntilLoaded();
    return timeline;
  }
}
