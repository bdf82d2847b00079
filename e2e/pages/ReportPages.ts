import type { Page } from 'playwright-core';

/** Each tab of the report pages and the heading of the page it opens. */
const TAB_HEADINGS = {
  'Báo cáo của đơn vị': 'Báo cáo định kỳ',
  'Chờ duyệt': 'Báo cáo chờ duyệt',
  'Tổng hợp các đơn vị': 'Tổng hợp báo cáo các đơn vị',
  'Sơ kết năm': 'Sơ kết năm',
  'Lịch báo cáo': 'Lịch báo cáo',
} as const;

/** "Báo cáo định kỳ": the unit's calendar of reports with deadlines. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async showYear(year: number): Promise<void> {
    await this.page.getByLabel('Năm', { exact: true }).selectOption(String(year));
    await this.page.getByRole('table').waitFor();
  }

  /** Starts the report of a period ("Báo cáo quý", "Quý III/2022"): the editor opens, pre-filled. */
  async start(type: string, period: string): Promise<ReportEditorPage> {
    await this.page.getByRole('button', { name: `Lập báo cáo: ${type} — ${period}` }).click();
    const editor = new ReportEditorPage(this.page);
    await editor.waitUntilLoaded(`${type} — ${period}`);
    return editor;
  }

  async open(type: string, period: string): Promise<ReportEditorPage> {
    const row = this.page.getByRole('row').filter({ hasText: type }).filter({ hasText: period });
    await row.getByRole('link', { name: 'Mở báo cáo' }).click();
    const editor = new ReportEditorPage(this.page);
    await editor.waitUntilLoaded(`${type} — ${period}`);
    return editor;
  }

  async openTab(name: keyof typeof TAB_HEADINGS): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: TAB_HEADINGS[name] }).waitFor();
  }

  /** From the approver's queue, the report of a unit. */
  async openFromQueue(title: string, agency: string): Promise<ReportEditorPage> {
    const row = this.page.getByRole('row').filter({ hasText: agency }).filter({ hasText: title });
    await row.getByRole('link', { name: title }).click();
    const editor = new ReportEditorPage(this.page);
    await editor.waitUntilLoaded(title);
    return editor;
  }
}

/** One report: narrative, pre-filled tables and the workflow buttons. */
export class ReportEditorPage {
  constructor(readonly page: Page) {}

  async waitUntilLoaded(title: string): Promise<void> {
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  /** Back to "Báo cáo định kỳ" (its tabs lead to the queue and the consolidation). */
  async backToReports(): Promise<ReportsPage> {
    await this.page.getByRole('link', { name: '← Báo cáo định kỳ' }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
    return new ReportsPage(this.page);
  }

  async status(): Promise<string> {
    return (await this.page.locator('[class*="rep-status-"]').first().innerText()).trim();
  }

  async waitForStatus(status: string): Promise<void> {
    await this.page.locator('[class*="rep-status-"]', { hasText: status }).first().waitFor();
  }

  async writeResults(text: string): Promise<void> {
    await this.page.getByLabel('Kết quả thực hiện').fill(text);
    await this.page.getByRole('button', { name: 'Lưu thuyết minh' }).click();
    await this.page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
  }

  async writeDifficulties(text: string): Promise<void> {
    await this.page.getByLabel('Khó khăn, vướng mắc và nguyên nhân').fill(text);
  }

  /** The records of the period listed in the pre-filled table. */
  async recordTitles(): Promise<string[]> {
    const section = await this.unfold('Hoạt động đã thực hiện trong kỳ');
    return section.getByRole('link').allInnerTexts();
  }

  /** A section of the editor by its heading, unfolded (on a phone they start folded). */
  async unfold(heading: string) {
    const section = this.page.getByRole('region', { name: heading });
    const details = section.locator('details');
    if ((await details.getAttribute('open')) === null) await section.getByRole('heading', { name: heading }).click();
    await section.locator('details[open]').waitFor();
    return section;
  }

  /** The headings of the sections that are folded now. */
  async foldedSections(): Promise<string[]> {
    return this.page.locator('.folding-panel details:not([open]) > summary h2').allInnerTexts();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    // The app's own confirmation (not the browser's): a modal dialog with the same words.
    const confirm = this.page.getByRole('dialog', { name: 'Xác nhận' });
    await confirm.getByText('Gửi báo cáo lên cấp trên? Số liệu sẽ được chốt tại thời điểm gửi.').waitFor();
    await confirm.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await this.waitForStatus('Đã gửi, chờ duyệt');
  }

  async returnWithComment(comment: string): Promise<void> {
    await this.page.getByLabel('Ý kiến').fill(comment);
    await this.page.getByRole('button', { name: 'Trả lại' }).click();
    await this.waitForStatus('Trả lại để sửa');
  }

  async approve(): Promise<void> {
    await this.page.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await this.waitForStatus('Đã duyệt');
  }

  async reopen(comment: string): Promise<void> {
    await this.page.getByLabel('Ý kiến').fill(comment);
    await this.page.getByRole('button', { name: 'Mở lại' }).click();
    await this.waitForStatus('Trả lại để sửa');
  }

  /** The comments in the report's history. */
  async comments(): Promise<string[]> {
    return this.page.locator('.rep-comment').allInnerTexts();
  }
}

/** "Tổng hợp các đơn vị": every expected report of a period. */
export class ConsolidationPage {
  constructor(readonly page: Page) {}

  async choose(year: number, period: string): Promise<void> {
    const select = this.page.getByLabel('Kỳ', { exact: true });
    await select.waitFor();
    await this.page.getByLabel('Năm', { exact: true }).selectOption(String(year));
    // The periods of the chosen year arrive from the server before one can be picked.
    await select.locator('option', { hasText: period }).waitFor({ state: 'attached' });
    await select.selectOption({ label: period });
    await this.page.getByText(/^Hạn nộp/).waitFor();
  }

  /** The status cell of a unit's row ("Đã duyệt", "Chưa lập Quá hạn"). */
  async statusOf(agency: string): Promise<string> {
    const row = this.page.getByRole('row').filter({ hasText: agency });
    return (await row.locator('[class*="rep-status-"]').allInnerTexts()).join(' ');
  }
}

/** "Lịch báo cáo": deadline rules, and the form that opens a thematic or ad hoc period. */
export class CalendarPage {
  constructor(readonly page: Page) {}

  async ruleOf(type: string): Promise<string> {
    return this.page.getByRole('row').filter({ hasText: type }).locator('td').nth(1).innerText();
  }

  async openPeriod(p: { type: string; title: string; from: string; to: string; due: string }): Promise<string> {
    await this.page.getByLabel('Loại báo cáo').selectOption({ label: p.type });
    await this.page.getByLabel('Tên kỳ báo cáo').fill(p.title);
    await this.page.getByLabel('Từ ngày').fill(p.from);
    await this.page.getByLabel('Đến ngày').fill(p.to);
    await this.page.getByLabel('Hạn nộp').fill(p.due);
    await this.page.getByRole('button', { name: 'Mở kỳ báo cáo' }).click();
    return this.page.getByRole('status').filter({ hasText: p.title }).innerText();
  }
}
