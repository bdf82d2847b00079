import type { Page } from 'playwright-core';

/** The community-model registry: list with search, the model form, the statistics page. */
export class RegistryPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.locator('.data-table');
  }

  async waitUntilLoaded(): Promise<void> {
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
    await this.table.or(this.page.locator('.notice-empty')).first().waitFor();
  }

  async openTab(name: 'Danh sách' | 'Thống kê, bản đồ'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Các trang của sổ mô hình' }).getByRole('link', { name }).click();
  }

  /** Types into the search box; results follow once typing pauses. */
  async search(text: string): Promise<void> {
    // exact: the header's search box is "Tìm kiếm trong toàn hệ thống".
    await this.page.getByLabel('Tìm kiếm', { exact: true }).fill(text);
    await this.page.waitForURL((url) => url.searchParams.get('q') === text.trim());
    await this.waitUntilLoaded();
  }

  async resultNames(): Promise<string[]> {
    return this.table.locator('tbody a').allTextContents();
  }

  async startNewModel(): Promise<ModelForm> {
    await this.page.getByRole('link', { name: '+ Đăng ký mô hình' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Đăng ký mô hình' }).waitFor();
    return new ModelForm(this.page);
  }

  /** The number of active models of a type in a province on the statistics page (its table). */
  async activeCount(provinceCode: string, typeCode: string): Promise<number> {
    const cell = this.page.getByTestId(`stat-${provinceCode}-${typeCode}`);
    await cell.waitFor();
    return Number((await cell.innerText()).replace(/\D/g, ''));
  }

  async waitForMap(): Promise<void> {
    await this.page.getByRole('img', { name: /Bản đồ số mô hình/ }).waitFor();
  }
}

export class ModelForm {
  constructor(readonly page: Page) {}

  async fill(model: { type: string; name: string; foundedOn: string; leader: string; village: string }) {
    await this.page.getByLabel('Loại mô hình').selectOption({ label: model.type });
    await this.page.getByLabel('Tên mô hình').fill(model.name);
    await this.page.getByLabel('Ngày thành lập').fill(model.foundedOn);
    await this.page.getByLabel('Người đứng đầu').fill(model.leader);
    await this.page.getByLabel('Thôn, bản, tổ dân phố').fill(model.village);
  }

  async chooseCommune(search: string, fullName: string): Promise<void> {
    await this.page.getByLabel('Xã, phường', { exact: true }).fill(search);
    await this.page.getByRole('button', { name: fullName, exact: true }).click();
  }

  async addMembers(search: string, name: string, counts: { female?: number; male?: number }): Promise<void> {
    await this.page.getByLabel('Thêm dân tộc có thành viên').fill(search);
    await this.page.getByRole('button', { name, exact: true }).click();
    if (counts.female !== undefined) await this.page.getByLabel(`Thành viên ${name}, Nữ`).fill(String(counts.female));
    if (counts.male !== undefined) await this.page.getByLabel(`Thành viên ${name}, Nam`).fill(String(counts.male));
  }

  /** Saves and waits for the new model's page; returns its member summary. */
  async save(): Promise<string> {
    await this.page.getByRole('button', { name: 'Đăng ký mô hình' }).click();
    await this.page.getByText('Đã đăng ký mô hình.').waitFor();
    return this.page.getByTestId('model-members-total').innerText();
  }
}
