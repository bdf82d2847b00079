import type { Page } from 'playwright-core';

/** The results overview: plan progress, key indicators, the map and the quarterly chart. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async waitForMapAndChart(): Promise<void> {
    await this.page
      .getByRole('img', { name: /^Bản đồ .* theo tỉnh/ })
      .locator('path')
      .first()
      .waitFor();
    await this.page.getByTestId('trend-chart').locator('svg').first().waitFor();
  }

  async provinceShapes(): Promise<number> {
    return this.page
      .getByRole('img', { name: /^Bản đồ .* theo tỉnh/ })
      .locator('path')
      .count();
  }

  async chooseIndicator(label: string): Promise<void> {
    await this.page.getByLabel('Chỉ số trên bản đồ và biểu đồ').selectOption({ label });
  }

  async chooseProvince(name: string): Promise<void> {
    await this.page.getByLabel('Tổng quan của').selectOption({ label: name });
    // exact: the print-only stamp says it too ("Năm 2026 · Phạm vi: …").
    await this.page.getByText(`Phạm vi: ${name}`, { exact: true }).waitFor();
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  }

  async keyIndicatorText(code: string): Promise<string> {
    return this.page.getByTestId(`key-${code}`).innerText();
  }

  async pointAtProvince(code: string): Promise<string> {
    await this.page.locator(`svg path[data-code="${code}"]`).dispatchEvent('click');
    return this.page.getByTestId('map-info').innerText();
  }

  async sectionProgress(): Promise<string> {
    return this.page.getByRole('region', { name: 'Tiến độ các mục của kế hoạch' }).innerText();
  }
}

/** The pivot table: rows, columns, filters, totals; the address bar holds the view. */
export class PivotPage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByTestId('pivot-table');
  }

  async removeDimension(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Bỏ ${name}` }).click();
  }

  async addToRows(name: string): Promise<void> {
    await this.page.getByLabel('+ Thêm chiều — Hàng').selectOption({ label: name });
  }

  async addToColumns(name: string): Promise<void> {
    await this.page.getByLabel('+ Thêm chiều — Cột').selectOption({ label: name });
  }

  async chooseIndicator(code: string): Promise<void> {
    const select = this.page.getByLabel('Chỉ số', { exact: true });
    const label = await select
      .locator('option', { hasText: `${code} — ` })
      .first()
      .textContent();
    await select.selectOption({ label: label!.trim() });
  }

  async waitForTable(): Promise<void> {
    await this.table.waitFor();
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'detached' });
  }

  /** Header texts, row header texts, and the grand total. */
  async read(): Promise<{ columns: string[]; rows: string[]; grand: string }> {
    await this.waitForTable();
    const columns = (await this.table.locator('thead th').allInnerTexts()).map((s) => s.trim());
    const rows = (await this.table.locator('tbody th').allInnerTexts()).map((s) => s.trim());
    const grand = (await this.page.getByTestId('pivot-grand-total').innerText()).trim();
    return { columns, rows, grand };
  }

  async exportLinks(): Promise<string[]> {
    return Promise.all(
      ['Tải .xlsx', 'Tải .csv'].map(
        async (name) => (await this.page.getByRole('link', { name }).getAttribute('href')) ?? '',
      ),
    );
  }
}

/** One indicator: its targets (edited in place) and, for entered indicators, the data-entry form. */
export class IndicatorPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, name: string): Promise<IndicatorPage> {
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    return new IndicatorPage(page);
  }

  private get targets() {
    return this.page.getByRole('region', { name: 'Chỉ tiêu' });
  }

  private get entry() {
    return this.page.getByRole('region', { name: 'Nhập số liệu tổng hợp' });
  }

  async setTarget(year: string, place: string, value: string): Promise<string> {
    await this.targets.getByLabel('Năm').selectOption(year);
    await this.targets.getByLabel(place, { exact: true }).fill(value);
    await this.targets.getByRole('button', { name: 'Lưu' }).click();
    return this.targets.getByRole('status').innerText();
  }

  /** Fills line `n` (from 0) of the entry form; `sex` and `ethnic` are option labels. */
  async enterLine(n: number, line: { sex?: string; ethnic?: string; value: string }): Promise<void> {
    if (n > 0) await this.entry.getByRole('button', { name: '+ Thêm dòng phân tổ' }).click();
    const fields = this.entry.locator('fieldset').nth(n);
    if (line.sex) await fields.getByLabel('Giới tính').selectOption({ label: line.sex });
    if (line.ethnic) await fields.getByLabel('Dân tộc').selectOption({ label: line.ethnic });
    await fields.getByLabel('Số liệu').fill(line.value);
  }

  async chooseEntry(place: string, year: string, period: string): Promise<void> {
    await this.entry.getByLabel('Địa bàn').selectOption({ label: place });
    await this.entry.getByLabel('Năm').selectOption(year);
    await this.entry.getByLabel('Kỳ').selectOption({ label: period });
  }

  async saveEntry(): Promise<string> {
    await this.entry.getByRole('button', { name: 'Lưu' }).click();
    const status = this.entry.getByRole('status');
    await status.waitFor();
    return status.innerText();
  }

  async enteredValues(): Promise<string> {
    return this.entry.locator('.data-table').innerText();
  }
}

/** The indicator form (add or edit): fields by their Vietnamese labels. */
export class IndicatorFormPage {
  constructor(readonly page: Page) {}

  static async openNew(page: Page): Promise<IndicatorFormPage> {
    await page.getByRole('link', { name: '+ Thêm chỉ số' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thêm chỉ số' }).waitFor();
    return new IndicatorFormPage(page);
  }

  static async openEdit(page: Page): Promise<IndicatorFormPage> {
    await page.getByRole('link', { name: 'Sửa chỉ số' }).click();
    await page.getByRole('heading', { level: 1, name: /^Sửa chỉ số / }).waitFor();
    return new IndicatorFormPage(page);
  }

  async fill(fields: {
    code?: string;
    nameVi?: string;
    nameEn?: string;
    unit?: string;
    section?: string;
  }): Promise<void> {
    const labels = {
      code: 'Mã chỉ số',
      nameVi: 'Tên chỉ số (tiếng Việt)',
      nameEn: 'Tên chỉ số (tiếng Anh)',
      unit: 'Đơn vị tính',
      section: 'Mục của kế hoạch',
    } as const;
    for (const [key, value] of Object.entries(fields) as [keyof typeof labels, string][])
      await this.page.getByLabel(labels[key], { exact: false }).first().fill(value);
  }

  async chooseSource(label: string): Promise<void> {
    await this.page.getByLabel('Nguồn số liệu').selectOption({ label });
  }

  async tick(label: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: label, exact: true }).check();
  }

  async chooseMeasure(label: string): Promise<void> {
    await this.page.getByLabel('Phép tính').selectOption({ label });
  }

  /** Saves; returns the notice on the indicator's page. */
  async save(button: string): Promise<string> {
    await this.page.getByRole('button', { name: button }).click();
    // The notice, not the page's own "Đang tải…" while it loads what was saved.
    const notice = this.page.getByRole('status').filter({ hasNotText: 'Đang tải' }).first();
    await notice.waitFor();
    return notice.innerText();
  }

  async fieldErrors(): Promise<string[]> {
    return this.page.getByRole('alert').allInnerTexts();
  }
}
