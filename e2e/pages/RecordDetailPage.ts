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
}
