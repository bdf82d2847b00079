import type { Page } from 'playwright-core';
import { MissionFormPage } from './MissionFormPage';

/** Kiểm tra, giám sát: the missions in the user's scope. */
export class MissionListPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('.data-table').or(this.page.locator('.notice-empty')).first().waitFor();
  }

  async planMission(): Promise<MissionFormPage> {
    await this.page.getByRole('link', { name: '+ Lập kế hoạch đoàn' }).click();
    const form = new MissionFormPage(this.page);
    await form.waitUntilLoaded();
    return form;
  }

  async titles(): Promise<string[]> {
    return (await this.page.locator('.data-table tbody tr td:first-child a').allTextContents()).map((t) => t.trim());
  }
}
