import type { Page } from 'playwright-core';
import { PlanDetailPage } from './PlanDetailPage';

/** Nhập kế hoạch từ văn bản: upload, read, review, create the draft. */
export class PlanImportPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Nhập kế hoạch từ văn bản' }).waitFor();
  }

  /** Chooses the file and reads it (the preview). */
  async upload(file: string): Promise<void> {
    await this.page.getByLabel('Tệp kế hoạch (.txt, .docx)').setInputFiles(file);
    await this.page.getByRole('button', { name: 'Đọc thử' }).click();
    await this.page.getByRole('region', { name: 'Cấu trúc đọc được' }).waitFor();
  }

  /** The content areas found, as "1. Tuyên truyền …". */
  async contentAreas(): Promise<string[]> {
    const list = this.page.getByRole('list', { name: 'Nội dung' });
    const items = await list.locator(':scope > li > strong').allInnerTexts();
    return items.map((t) => t.trim());
  }

  /** The lines that were not read, as listed ("Dòng 26: Trang 2/5"). */
  async unparsedLines(): Promise<string[]> {
    const items = await this.page.getByTestId('unparsed').locator('li').allInnerTexts();
    return items.map((t) => t.trim());
  }

  async unparsedSummary(): Promise<string> {
    return (await this.page.getByTestId('unparsed').innerText()).trim();
  }

  async createDraft(): Promise<PlanDetailPage> {
    await this.page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await this.page.waitForURL((url) => /\/plans\/\d+$/.test(url.pathname));
    const detail = new PlanDetailPage(this.page);
    await detail.waitUntilLoaded();
    return detail;
  }
}
