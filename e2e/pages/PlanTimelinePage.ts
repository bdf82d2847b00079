import type { Page } from 'playwright-core';

/** Tiến độ theo quý: one bar per activity under the quarter columns. */
export class PlanTimelinePage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByTestId('gantt').waitFor();
  }

  /** The quarter columns ("Quý II/2026") a bar lies under, read from where it is drawn on screen. */
  async quartersCoveredBy(activityTitle: string): Promise<string[]> {
    const row = this.page.getByTestId('gantt-activity').filter({ hasText: activityTitle });
    const bar = await row.getByRole('img').boundingBox();
    if (!bar) throw new Error(`No bar for "${activityTitle}"`);
    const headers = this.page.getByTestId('gantt-quarter');
    const covered: string[] = [];
    for (let i = 0; i < (await headers.count()); i++) {
      const header = headers.nth(i);
      const box = await header.boundingBox();
      const centre = box ? box.x + box.width / 2 : -1;
      if (centre > bar.x && centre < bar.x + bar.width) covered.push((await header.getAttribute('data-label')) ?? '');
    }
    return covered;
  }

  /** The timeframe written on the activity's bar ("Từ quý II đến quý III/2026"). */
  async barText(activityTitle: string): Promise<string> {
    const row = this.page.getByTestId('gantt-activity').filter({ hasText: activityTitle });
    return (await row.getByRole('img').getAttribute('aria-label')) ?? '';
  }
}
