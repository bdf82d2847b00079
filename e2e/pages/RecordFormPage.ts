import type { Page } from 'playwright-core';
import { RecordDetailPage } from './RecordDetailPage';

/** The "Ghi nhận hoạt động đã thực hiện" form, as a data-entry officer fills it on a phone. */
export class RecordFormPage {
  constructor(readonly page: Page) {}

  static async open(page: Page): Promise<RecordFormPage> {
    await page.getByRole('link', { name: '+ Ghi nhận mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ghi nhận hoạt động đã thực hiện' }).waitFor();
    return new RecordFormPage(page);
  }

  /** Picks the plan, then the activity by its number ("1.3"). */
  async chooseActivity(planId: number, number: string): Promise<void> {
    await this.page.getByLabel('Kế hoạch', { exact: true }).selectOption(String(planId));
    await this.page.getByRole('option', { name: new RegExp(`^${number.replace('.', '\\.')} `) }).click();
    await this.page.getByTestId('chosen-activity').waitFor();
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: 'Ghi nhận hoạt động đã thực hiện' }).waitFor();
  }

  get plan() {
    return this.page.getByLabel('Kế hoạch', { exact: true });
  }

  /** The activity box (a combobox over the list of activities), after picking the first plan if none is. */
  async activityCombobox() {
    const box = this.page.getByRole('combobox', { name: 'Hoạt động', exact: true });
    await box.or(this.plan).first().waitFor();
    if (!(await box.isVisible())) {
      const first = await this.plan.locator('option:not([value=""])').first().getAttribute('value');
      await this.plan.selectOption(first!);
    }
    await this.page.getByRole('listbox', { name: 'Hoạt động' }).getByRole('option').first().waitFor();
    return box;
  }

  /** The plans offered, as the select shows them. */
  async planOptions(): Promise<string[]> {
    const texts = await this.plan.locator('option:not([value=""])').allInnerTexts();
    return texts.map((t) => t.trim());
  }

  /** Each activity offered, by its number ("1.3"). */
  async activityOptions(): Promise<string[]> {
    const options = this.page.getByRole('listbox', { name: 'Hoạt động' }).getByRole('option');
    return (await options.locator('.rec-num').allInnerTexts()).map((t) => t.trim());
  }

  /** The number of the option the arrow keys are on (aria-activedescendant), or null. */
  async activeOption(): Promise<string | null> {
    const box = this.page.getByRole('combobox', { name: 'Hoạt động', exact: true });
    const id = await box.getAttribute('aria-activedescendant');
    if (!id) return null;
    return this.page.locator(`[id="${id}"][role="option"] .rec-num`).innerText();
  }

  /** The number of the activity chosen, or null while none is. */
  async chosenActivity(): Promise<string | null> {
    const chosen = this.page.getByTestId('chosen-activity');
    if ((await chosen.count()) === 0) return null;
    return (await chosen.locator('.rec-num').innerText()).trim();
  }

  /** The accessible name of the element that has the keyboard focus (its label or its text). */
  async focusedName(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return '';
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`) : null;
      return (labelled?.textContent ?? el.textContent ?? '').trim();
    });
  }

  async chooseType(label: string): Promise<void> {
    await this.page.getByLabel('Loại hoạt động').selectOption({ label });
  }

  async fillTitle(title: string): Promise<void> {
    await this.page.getByLabel('Tên hoạt động').fill(title);
  }

  /** A date typed as dd/mm/yyyy. */
  async fillStartDate(date: string): Promise<void> {
    await this.page.getByLabel('Ngày bắt đầu').fill(date);
  }

  async fillEndDate(date: string): Promise<void> {
    await this.page.getByLabel('Ngày kết thúc').fill(date);
  }

  /** Types part of a commune's name (without diacritics is fine) and picks it. */
  async chooseCommune(search: string, fullName: string): Promise<void> {
    await this.page.getByLabel('Xã, phường (không bắt buộc)').fill(search);
    await this.page.getByRole('button', { name: fullName, exact: true }).click();
  }

  async fillVillage(village: string): Promise<void> {
    await this.page.getByLabel('Thôn, bản, tổ dân phố').fill(village);
  }

  /** Adds an ethnic group to the participants grid by searching its name, then its numbers. */
  async addParticipants(search: string, name: string, counts: { female?: number; male?: number }): Promise<void> {
    await this.page.getByLabel('Thêm dân tộc có người tham gia').fill(search);
    await this.page.getByRole('button', { name, exact: true }).click();
    if (counts.female !== undefined) await this.page.getByLabel(`${name}, Nữ`).fill(String(counts.female));
    if (counts.male !== undefined) await this.page.getByLabel(`${name}, Nam`).fill(String(counts.male));
  }

  /** The running totals under the grid: women, men, all. */
  async gridTotals(): Promise<string[]> {
    const cells = this.page.getByTestId('participants-totals').locator('td');
    return (await cells.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
  }

  /** The totals from the attendance list, which the grid is checked against. */
  async enterTotals(total: number, female: number): Promise<void> {
    await this.page.getByLabel('Tổng số người tham gia').fill(String(total));
    await this.page.getByLabel('Trong đó nữ').fill(String(female));
  }

  async totalsCheck(): Promise<string> {
    return this.page.getByTestId('participants-check').innerText();
  }

  /** "Model established": the model goes into the registry with the record. */
  async registerModel(typeLabel: string, leader: string, host: string): Promise<void> {
    await this.page.getByLabel('Loại mô hình').selectOption({ label: typeLabel });
    await this.page.getByLabel('Người phụ trách, trưởng nhóm').fill(leader);
    await this.page.getByLabel(/^Nơi sinh hoạt/).fill(host);
  }

  async save(): Promise<RecordDetailPage> {
    await this.page.getByRole('button', { name: 'Lưu bản ghi' }).click();
    const detail = new RecordDetailPage(this.page);
    await detail.waitUntilSaved();
    return detail;
  }

  /** Presses save without a connection: the record is kept on the device; returns the notice. */
  async saveQueued(title: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Lưu bản ghi' }).click();
    const notice = this.page.getByTestId('record-queued').filter({ hasText: title });
    await notice.waitFor();
    return notice.innerText();
  }

  /** Presses save expecting the form to refuse; returns the message shown. */
  async saveRefused(): Promise<string> {
    await this.page.getByRole('button', { name: 'Lưu bản ghi' }).click();
    return this.page.getByTestId('participants-check').innerText();
  }
}
