import type { Page } from 'playwright-core';

/** Monitoring checklist administration: the list and the add/edit form. */
export class ChecklistTemplatesPage {
  constructor(readonly page: Page) {}

  async names(): Promise<string[]> {
    return (await this.page.locator('.chk-name a').allTextContents()).map((t) => t.trim());
  }

  async add(name: string, questions: { group: string; text: string }[]): Promise<void> {
    await this.page.getByRole('link', { name: 'Thêm bảng kiểm' }).click();
    await this.page.getByLabel('Tên bảng kiểm').fill(name);
    for (const [i, q] of questions.entries()) {
      if (i > 0) await this.page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
      await this.page.locator(`#c-item-${i}-group`).fill(q.group);
      await this.page.locator(`#c-item-${i}-text`).fill(q.text);
    }
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Thêm bảng kiểm|Lưu bảng kiểm)$/ }).click();
  }

  /** The server's message under question n (1-based), if any. */
  questionError(n: number) {
    return this.page.locator(`#c-item-${n - 1}-error`);
  }

  async fillQuestion(n: number, text: string): Promise<void> {
    await this.page.locator(`#c-item-${n - 1}-text`).fill(text);
  }

  get notice() {
    return this.page.getByRole('status');
  }
}
