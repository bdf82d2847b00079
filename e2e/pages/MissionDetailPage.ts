import type { Page } from 'playwright-core';

/** One mission: facts, checklist by place, findings, recommendations. */
export class MissionDetailPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 2, name: 'Thành phần đoàn' }).waitFor();
  }

  async title(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
  }

  async places(): Promise<string[]> {
    const section = this.page.getByRole('region', { name: 'Địa bàn' });
    return (await section.locator('li strong').allTextContents()).map((t) => t.trim());
  }

  /** Answers one checklist item at the place shown, then saves that place's checklist. */
  async answerChecklist(place: string, item: number, answer: string, note = ''): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${place}`) }).click();
    const group = this.page.getByRole('radiogroup', { name: new RegExp(`^${item}\\. `) });
    await group.getByLabel(answer, { exact: true }).check();
    if (note) await this.page.getByLabel(`Ghi chú câu ${item}`, { exact: true }).fill(note);
    await this.page.getByRole('button', { name: `Lưu bảng kiểm tại ${place}` }).click();
    await this.page.getByText(new RegExp(`Đã lưu bảng kiểm tại .*${place}`)).waitFor();
  }

  async recordFinding(text: string): Promise<void> {
    await this.page.getByLabel('Ghi phát hiện mới').fill(text);
    await this.page.getByRole('button', { name: 'Ghi phát hiện' }).click();
    await this.page.locator('.mon-findings li', { hasText: text }).waitFor();
  }

  async findings(): Promise<string[]> {
    return (await this.page.locator('.mon-findings li .mon-prewrap').allTextContents()).map((t) => t.trim());
  }

  /** A recommendation to a province, with its due date (dd/mm/yyyy). */
  async recommendToProvince(text: string, province: string, due: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ Thêm kiến nghị' }).click();
    await this.page.getByLabel('Nội dung kiến nghị').fill(text);
    await this.page.getByLabel('Một tỉnh, thành phố').check();
    await this.page.getByLabel('Tỉnh, thành phố nhận kiến nghị').selectOption({ label: province });
    await this.page.getByLabel('Thời hạn thực hiện').fill(due);
    await this.page.getByRole('button', { name: 'Ghi kiến nghị' }).click();
    await this.recommendation(text).waitFor();
  }

  recommendation(text: string) {
    return this.page.locator('article.mon-rec', { hasText: text });
  }
}
