import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { CalendarPage, ConsolidationPage, ReportEditorPage, ReportsPage } from './pages/ReportPages';

const RECORD = 'Tập huấn phát triển Tổ tiết kiệm vốn vay thôn bản';

describe('periodic reports in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  async function login(username: string, viewport?: { width: number; height: number }) {
    await session?.close();
    session = await openBrowser(viewport);
    const frame = await (await LoginPage.open(session.page)).loginAs(username);
    await frame.openSection('Báo cáo định kỳ').catch(async (error: unknown) => {
      await screenshot(session!.page, `reports-failed-login-${username}`);
      throw error;
    });
    return new ReportsPage(session.page);
  }

  it('Điện Biên submits its Q3 report, the centre returns it, approves the corrected one, and the Q3 record is locked', async () => {
    // The province writes its quarter III report on a phone; its Q3 record is pre-filled.
    let reports = await login('dienbien.hoiphunu', PHONE);
    await reports.showYear(2022);
    let editor = await reports.start('Báo cáo quý', 'Quý III/2022');
    expect(await editor.recordTitles()).toContain(RECORD);
    await editor.writeResults('Tổ chức tập huấn phát triển Tổ TKVVTB cho 60 hội viên.');
    await editor.submit();
    await screenshot(session!.page, 'report-submitted-phone');

    // The central coordinator returns it with a comment.
    reports = await login('tw.hoiphunu');
    await reports.openTab('Chờ duyệt');
    editor = await reports.openFromQueue('Báo cáo quý — Quý III/2022', 'Điện Biên');
    await editor.returnWithComment('Đề nghị bổ sung số hội viên là người dân tộc thiểu số.');

    // The province corrects and resubmits.
    reports = await login('dienbien.hoiphunu');
    await reports.showYear(2022);
    editor = await reports.open('Báo cáo quý', 'Quý III/2022');
    expect(await editor.comments()).toContain('Đề nghị bổ sung số hội viên là người dân tộc thiểu số.');
    await editor.writeResults(
      'Tổ chức tập huấn phát triển Tổ TKVVTB cho 60 hội viên, trong đó 52 người dân tộc Thái, Mông.',
    );
    await editor.submit();

    // The centre approves; the consolidation shows Điện Biên approved and Lào Cai's ethnic-affairs office late.
    reports = await login('tw.hoiphunu');
    await reports.openTab('Chờ duyệt');
    editor = await reports.openFromQueue('Báo cáo quý — Quý III/2022', 'Điện Biên');
    await editor.approve();
    reports = await editor.backToReports();
    await reports.openTab('Tổng hợp các đơn vị');
    const table = new ConsolidationPage(session!.page);
    await table.choose(2022, 'Báo cáo quý — Quý III/2022');
    // The table of the chosen period replaces the one shown before it once it arrives.
    await expect.poll(() => table.statusOf('Hội Liên hiệp Phụ nữ tỉnh Điện Biên')).toBe('Đã duyệt');
    await expect.poll(() => table.statusOf('Sở Dân tộc và Tôn giáo tỉnh Lào Cai')).toBe('Chưa lập Quá hạn');
    await screenshot(session!.page, 'report-consolidation');

    // The province can no longer edit its Q3 record.
    await login('dienbien.hoiphunu');
    const page = session!.page;
    await page.goto('/records?q=tiet kiem von vay');
    await page.getByRole('link', { name: RECORD }).click();
    const locked = page.getByTestId('record-locked');
    await locked.waitFor();
    expect(await locked.innerText()).toContain('Báo cáo quý (Quý III/2022) của Hội LHPN tỉnh Điện Biên');
    expect(await page.getByRole('link', { name: 'Sửa' }).count()).toBe(0);
    await screenshot(page, 'record-locked');

    // The approver reopens the report (audited): the period is open again.
    await login('tw.hoiphunu');
    await session!.page.goto('/reports/consolidation?year=2022&key=quarterly%3A2022Q3');
    await session!.page.getByRole('link', { name: 'Hội Liên hiệp Phụ nữ tỉnh Điện Biên' }).click();
    const reopened = new ReportEditorPage(session!.page);
    await reopened.waitUntilLoaded('Báo cáo quý — Quý III/2022');
    await reopened.reopen('Mở lại cho kiểm thử: tỉnh điều chỉnh số liệu.');
  });

  it('the central level opens an ad hoc period, which then appears in the provinces’ calendars', async () => {
    let reports = await login('tw.dantoc');
    await reports.openTab('Lịch báo cáo');
    const calendar = new CalendarPage(session!.page);
    expect(await calendar.ruleOf('Báo cáo quý')).toBe('10 ngày sau khi hết kỳ');
    expect(await calendar.ruleOf('Báo cáo năm')).toBe('16 ngày trước khi hết kỳ');
    const created = await calendar.openPeriod({
      type: 'Báo cáo đột xuất',
      title: 'Thiệt hại do bão số 3 (thử)',
      from: '08/09/2026',
      to: '20/09/2026',
      due: '30/09/2026',
    });
    expect(created).toContain('30/09/2026');
    await screenshot(session!.page, 'report-calendar');

    reports = await login('laocai.dantoc', PHONE);
    await reports.showYear(2026);
    expect(
      await session!.page
        .getByRole('button', { name: 'Lập báo cáo: Báo cáo đột xuất — Thiệt hại do bão số 3 (thử)' })
        .count(),
    ).toBe(1);
  });
});
