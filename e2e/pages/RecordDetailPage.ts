import type { Page } from 'playwright-core';

export class RecordDetailPage {
  constructor(readonly page: Page) {}

  async waitUntilSaved(): Promise<void> {
    await this.page.getByText('Đã lưu bản ghi.').waitFor();
  }

  async title(): Promise<string> {
    return this.page.getByRole('heading', { level: 1 }).innerText();
  }

  /** "Tổng số: 23 người, trong đó nữ: 20". */
  async participantsSummary(): Promise<string> {
    return this.page.getByTestId('record-participants-total').innerText();
  }

  /** Names of the registry models this record registered, from their links. */
  async registeredModels(): Promise<string[]> {
    const section = this.page.getByRole('region', { name: 'Mô hình đã đăng ký từ bản ghi này' });
    await section.getByRole('link').first().waitFor();
    return section.getByRole('link').allInnerTexts();
  }

  async openModel(name: string): Promise<void> {
    await this.page.getByRole('link', { name }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }
}
