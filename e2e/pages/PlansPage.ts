import type { Page } from 'playwright-core';
import { PlanDetailPage } from './PlanDetailPage';
import { PlanEditorPage } from './PlanEditorPage';
import { PlanImportPage } from './PlanImportPage';

/** Kế hoạch: the list of plans in the user's scope. */
export class PlansPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.locator('.data-table');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.table.or(this.page.locator('.notice-empty')).first().waitFor();
  }

  async createPlan(): Promise<PlanEditorPage> {
    await this.page.getByRole('link', { name: '+ Tạo kế hoạch' }).click();
    const editor = new PlanEditorPage(this.page);
    await editor.waitUntilLoaded();
    return editor;
  }

  async importFromDocument(): Promise<PlanImportPage> {
    await this.page.getByRole('link', { name: 'Nhập từ văn bản' }).click();
    const page = new PlanImportPage(this.page);
    await page.waitUntilLoaded();
    return page;
  }

  /** Opens the plan whose title contains the words given. */
  async openPlan(title: string): Promise<PlanDetailPage> {
    await this.table.getByRole('link', { name: title }).first().click();
    const detail = new PlanDetailPage(this.page);
    await detail.waitUntilLoaded();
    return detail;
  }
}
