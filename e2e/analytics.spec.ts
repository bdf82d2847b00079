import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { DashboardPage, IndicatorPage, PivotPage } from './pages/AnalyticsPages';

interface Pivot {
  rows: { label: string[] }[];
  columns: { label: string[] }[];
  totals: { grand: number | null };
}

/** What the API says, read in the logged-in page (the test compares the screen with it). */
async function apiGet<T>(page: BrowserSession['page'], url: string): Promise<T> {
  return page.evaluate(async (address) => (await (await fetch(address)).json()) as T, url);
}

describe('results: dashboard and pivot in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('shows the demo plan on the dashboard, then builds a pivot whose address restores it on reload', async () => {
    session = await openBrowser();
    const { page } = session;
    const frame = await (await LoginPage.open(page)).loginAs('tw.hoiphunu');

    await frame.openSection('Kết quả thực hiện');
    const dashboard = new DashboardPage(page);
    await dashboard.waitForMapAndChart();
    expect(await dashboard.provinceShapes()).toBe(34);
    // It opens on the latest year with a plan, showing that plan's sections and their activities' status.
    const latest = await apiGet<{ items: { kind: string; year: number; number: string }[] }>(
      page,
      '/api/plans?limit=200',
    );
    const central = latest.items.filter((p) => p.kind === 'central').sort((a, b) => b.year - a.year)[0]!;
    expect(await dashboard.sectionProgress()).toContain(central.number);
    await dashboard.chooseIndicator('NL01 — Số lớp tập huấn, bồi dưỡng được tổ chức');
    await dashboard.waitForMapAndChart();
    expect(await dashboard.pointAtProvince('11')).toContain('Điện Biên');
    await screenshot(page, 'analytics-dashboard');

    // The provincial overview: that province's plans only.
    await dashboard.chooseProvince('Điện Biên');
    expect(page.url()).toContain('province=11');
    const overview = await apiGet<{ plans: { number: string; title: string }[] }>(
      page,
      `/api/analytics/dashboard?year=${central.year}&province=11`,
    );
    const progress = await dashboard.sectionProgress();
    for (const plan of overview.plans) expect(progress).toContain(plan.number || plan.title);
    expect(progress).not.toContain(central.number);

    await frame.openSection('Bảng tổng hợp');
    const pivot = new PivotPage(page);
    await pivot.removeDimension('Chỉ số');
    await pivot.chooseIndicator('NL01');
    await pivot.addToRows('Tỉnh, thành phố');
    const view = await pivot.read();
    const api = await apiGet<Pivot>(page, '/api/pivot?rows=province&cols=year&indicator=NL01');
    expect(view.columns).toEqual(['Tỉnh, thành phố', ...api.columns.map((c) => c.label[0]), 'Tổng']);
    expect(view.rows).toEqual(api.rows.map((r) => r.label[0]));
    expect(view.rows).toContain('Điện Biên');
    expect(view.grand).toBe(String(api.totals.grand));
    expect(page.url()).toContain('rows=province&cols=year&indicator=NL01');
    expect((await pivot.exportLinks())[0]).toBe('/api/pivot/export.xlsx?rows=province&cols=year&indicator=NL01');
    await screenshot(page, 'analytics-pivot');

    await page.reload();
    expect(await pivot.read()).toEqual(view);
  });

  it('sets a target and enters aggregate values that the pivot shows at once', async () => {
    session = await openBrowser();
    const { page } = session;
    const frame = await (await LoginPage.open(page)).loginAs('tw.hoiphunu');
    await frame.openSection('Chỉ số, chỉ tiêu');
    await page.getByRole('link', { name: 'Số lớp tập huấn, bồi dưỡng được tổ chức' }).waitFor();
    await screenshot(page, 'analytics-indicators');
    await page.getByLabel('Nguồn số liệu').selectOption({ label: 'Nhập trực tiếp số tổng hợp' });
    const indicator = await IndicatorPage.open(page, 'Số giảng viên nguồn được đào tạo');

    expect(await indicator.setTarget('2026', 'Điện Biên', '40')).toBe('Đã lưu 1 chỉ tiêu.');
    await indicator.chooseEntry('Điện Biên', '2026', 'Quý I/2026');
    await indicator.enterLine(0, { sex: 'Nữ', ethnic: 'Thái', value: '12' });
    await indicator.enterLine(1, { sex: 'Nam', ethnic: 'Mông', value: '8' });
    expect(await indicator.saveEntry()).toBe('Đã lưu số liệu kỳ Quý I/2026.');
    expect(await indicator.enteredValues()).toContain('Nữ, Thái');
    await screenshot(page, 'analytics-indicator');

    await page.goto('/pivot?rows=province&cols=sex&indicator=NL03&year=2026&targets=1');
    const pivot = new PivotPage(page);
    const view = await pivot.read();
    expect(view.columns).toEqual(['Tỉnh, thành phố', 'Nữ', 'Nam', 'Tổng']);
    expect(view.rows).toEqual(['Điện Biên']);
    // 20 of a target of 40: 50%.
    expect(view.grand).toBe('20');
    expect(await pivot.table.locator('tbody td').last().innerText()).toContain('50%');
  });

  it('shows the dashboard and a pivot on a phone', async () => {
    session = await openBrowser(PHONE);
    const { page } = session;
    await (await LoginPage.open(page)).loginAs('tw.dantoc');
    await page.goto('/dashboard');
    const dashboard = new DashboardPage(page);
    await dashboard.waitForMapAndChart();
    await screenshot(page, 'analytics-dashboard-phone');

    await page.goto('/pivot?rows=province,agency&cols=quarter&indicator=NL01&year=2022&targets=1');
    const pivot = new PivotPage(page);
    const view = await pivot.read();
    const api = await apiGet<Pivot>(page, '/api/pivot?rows=province,agency&cols=quarter&indicator=NL01&year=2022');
    expect(view.columns).toEqual(['Tỉnh, thành phố', 'Cơ quan tổ chức', ...api.columns.map((c) => c.label[0]), 'Tổng']);
    expect(view.columns).toContain('Quý III/2022');
    expect(view.grand).toBe(String(api.totals.grand));
    await screenshot(page, 'analytics-pivot-phone');
  });
});
