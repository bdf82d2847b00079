import type { Locator, Page } from 'playwright-core';
import { PlanDetailPage } from './PlanDetailPage';

export interface ActivityInput {
  title: string;
  /** By quarter, e.g. { from: 'II', to: 'III' } in the plan's year. */
  quarters?: { from: 'I' | 'II' | 'III' | 'IV'; to: 'I' | 'II' | 'III' | 'IV' };
  lead?: string;
}

/** The plan editor (create or edit a draft). */
export class PlanEditorPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByLabel('Trích yếu (tên kế hoạch)').waitFor();
  }

  async fillTitle(title: string): Promise<void> {
    await this.page.getByLabel('Trích yếu (tên kế hoạch)').fill(title);
  }

  async issuers(): Promise<string[]> {
    const panel = this.page.getByRole('region', { name: 'Cơ quan ban hành' });
    const names = await panel.locator('.agency-list-name').allInnerTexts();
    return names.map((n) => n.replace('Chủ trì', '').trim());
  }

  async addIssuer(name: string): Promise<void> {
    await this.page.getByLabel('Thêm cơ quan ban hành').selectOption({ label: name });
  }

  /** Adds a content area and returns it, to add activities to. */
  async addSection(title: string): Promise<Locator> {
    const sections = this.page.getByRole('listitem', { name: /^Nội dung \d+$/ });
    const before = await sections.count();
    await this.page.getByRole('button', { name: '+ Thêm nội dung' }).click();
    const section = sections.nth(before);
    await section.getByLabel('Tên nội dung').fill(title);
    return section;
  }

  async addActivity(section: Locator, activity: ActivityInput): Promise<void> {
    const items = section.getByRole('listitem', { name: /^Hoạt động / });
    const before = await items.count();
    await section.getByRole('button', { name: '+ Thêm hoạt động' }).click();
    const item = items.nth(before);
    await item.getByLabel('Nội dung hoạt động').fill(activity.title);
    if (activity.quarters) {
      await item.getByLabel('Cách ghi').selectOption({ label: 'Theo quý' });
      await item.getByLabel('Từ quý').selectOption({ label: `Quý ${activity.quarters.from}` });
      await item.getByLabel('Đến quý').selectOption({ label: `Quý ${activity.quarters.to}` });
    }
    if (activity.lead) await item.getByLabel('Cơ quan chủ trì').selectOption({ label: activity.lead });
  }

  /** The messages shown next to fields after a refused save. */
  async fieldErrors(): Promise<string[]> {
    return this.page.locator('.field-error').allInnerTexts();
  }

  async save(): Promise<PlanDetailPage> {
    await this.page.getByRole('button', { name: /^(Tạo dự thảo|Lưu dự thảo)$/ }).click();
    await this.page.waitForURL((url) => /\/plans\/\d+$/.test(url.pathname));
    const detail = new PlanDetailPage(this.page);
    await detail.waitUntilLoaded();
    return detail;
  }

  async trySave(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Tạo dự thảo|Lưu dự thảo)$/ }).click();
  }
}
