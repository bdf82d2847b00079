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

  /** Each issuer line as the review shows it: its name and whether the registry holds it. */
  async issuers(): Promise<string[]> {
    const items = await this.page.getByTestId('import-issuers').locator('li').allInnerTexts();
    return items.map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /** Adds the issuer at `index` to the agency registry through the dialog, as proposed; returns the
   *  dialog's prefilled name and abbreviation. The document is read again afterwards. */
  async addIssuerToRegistry(index: number): Promise<{ name: string; abbreviation: string; province: string }> {
    const issuers = this.page.getByTestId('import-issuers');
    await issuers.locator('li').nth(index).getByRole('button', { name: 'Thêm vào danh mục…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Thêm cơ quan vào danh mục' });
    await dialog.waitFor();
    const province = dialog.getByLabel(/Tỉnh, thành phố \(danh mục/);
    await province.locator('option').nth(1).waitFor({ state: 'attached' }); // the provinces have come
    const proposed = {
      name: await dialog.getByLabel('Tên đầy đủ').inputValue(),
      abbreviation: await dialog.getByLabel('Chữ viết tắt').inputValue(),
      province: (await province.locator('option:checked').innerText()).trim(),
    };
    await dialog.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await issuers.getByText('trong danh mục:').waitFor();
    return proposed;
  }

  /** Pastes the text instead of uploading a file, and reads it. */
  async paste(text: string): Promise<void> {
    // The label's text covers its radio button: a user clicks the words.
    await this.page.getByText('Dán nội dung', { exact: true }).click();
    await this.page.getByLabel('Nội dung văn bản').fill(text);
    await this.page.getByRole('button', { name: 'Đọc thử' }).click();
    await this.page.getByRole('region', { name: 'Cấu trúc đọc được' }).waitFor();
  }

  async createDraft(): Promise<PlanDetailPage> {
    await this.page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await this.page.waitForURL((url) => /\/plans\/\d+$/.test(url.pathname));
    const detail = new PlanDetailPage(this.page);
    await detail.waitUntilLoaded();
    return detail;
  }
}
