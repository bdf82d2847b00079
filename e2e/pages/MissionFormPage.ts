import type { Page } from 'playwright-core';
import { MissionDetailPage } from './MissionDetailPage';

/** The mission plan form: general fields, members, places. */
export class MissionFormPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(): Promise<void> {
    await this.page.getByLabel('Tên đoàn').waitFor();
  }

  async fill(values: { title: string; purpose?: string; from: string; to: string }): Promise<void> {
    await this.page.getByLabel('Tên đoàn').fill(values.title);
    if (values.purpose) await this.page.getByLabel('Mục đích, yêu cầu').fill(values.purpose);
    await this.page.getByLabel('Từ ngày').fill(values.from);
    await this.page.getByLabel('Đến ngày').fill(values.to);
  }

  /** Adds a member; the new row is the last one. */
  async addMember(member: { name: string; title: string; agency: string; role: string }): Promise<void> {
    await this.page.getByRole('button', { name: '+ Thêm thành viên' }).click();
    const rows = this.page.locator('.mon-rows').first().locator('> li');
    const row = rows.last();
    await row.getByLabel('Họ và tên').fill(member.name);
    await row.getByLabel('Chức vụ').fill(member.title);
    await row.getByLabel('Cơ quan').selectOption({ label: member.agency });
    await row.getByLabel('Vai trò trong đoàn').selectOption({ label: member.role });
  }

  /** Adds a whole province to the places visited. */
  async addProvince(name: string): Promise<void> {
    await this.page.getByLabel('Tỉnh, thành phố', { exact: true }).selectOption({ label: name });
    // The button names the unit with its own type: "+ Thêm cả tỉnh Lào Cai", "+ Thêm cả thành phố Hà Nội".
    await this.page.getByRole('button', { name: new RegExp(`^\\+ Thêm cả (tỉnh|thành phố) ${name}$`) }).click();
  }

  async places(): Promise<string[]> {
    return (await this.page.locator('.mon-place-name strong').allTextContents()).map((t) => t.trim());
  }

  async save(): Promise<MissionDetailPage> {
    await this.page.getByRole('button', { name: 'Lập kế hoạch đoàn' }).click();
    const detail = new MissionDetailPage(this.page);
    await detail.waitUntilLoaded();
    return detail;
  }
}
