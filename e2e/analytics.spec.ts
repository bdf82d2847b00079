import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { DashboardPage, IndicatorFormPage, IndicatorPage, PivotPage } from './pages/AnalyticsPages';

interface Pivot {
  rows: { label: string[] }[];
  columns: { label: string[] }[];
  totals: { grand: number | null };
}

/** What the API says, read in the logged-in page (the test compares the screen with it). */
async function apiGet<T>(page: BrowserSession['page'], url: string): Promise<T> {
  return page.evaluate(async (address) => (await (await fetch(address)).json()) as T, url);
}

/** Another user's edit, made through the API in the logged-in page (with its CSRF token). */
async function patchIndicatorUnit(page: BrowserSession['page'], code: string, unit: string): Promise<void> {
  const status = await page.evaluate(
    async ([c, u]) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const list = (await (await fetch(`/api/indicators?q=${c}`)).json()) as { id: number; version: number }[];
      const res = await fetch(`/api/indicators/${list[0]!.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ version: list[0]!.version, unit: u }),
      });
      return res.status;
    },
    [code, unit] as const,
  );
  expect(status).toBe(200);
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
    // It opens on the latest year with a plan up to this one (other tests plan next year), showing
    // that plan's sections and their activities' status.
    const latest = await apiGet<{ items: { kind: string; year: number; number: string }[] }>(
      page,
      '/api/plans?limit=200',
    );
    const central = latest.items
      .filter((p) => p.kind === 'central' && p.year <= new Date().getFullYear())
      .sort((a, b) => b.year - a.year)[0]!;
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

  it('lets the central coordinator add an indicator counting training records, find it in the list and rename it', async () => {
    session = await openBrowser();
    const { page } = session;
    const frame = await (await LoginPage.open(page)).loginAs('tw.hoiphunu');
    await frame.openSection('Chỉ số, chỉ tiêu');
    const form = await IndicatorFormPage.openNew(page);
    await screenshot(page, 'analytics-indicator-new');

    // Missing fields are named before anything is sent.
    await page.getByRole('button', { name: 'Thêm chỉ số' }).click();
    expect(await form.fieldErrors()).toEqual([
      'Thông tin bắt buộc.',
      'Thông tin bắt buộc.',
      'Thông tin bắt buộc.',
      'Thông tin bắt buộc.',
      'Chọn ít nhất một.',
    ]);
    // A code already taken comes back from the server at the code field.
    await form.fill({ code: 'NL01', nameVi: 'Số lớp tập huấn (E2E)', nameEn: 'Training courses (E2E)', unit: 'lớp' });
    await form.tick('Tập huấn');
    await page.getByRole('button', { name: 'Thêm chỉ số' }).click();
    await page.getByText('Mã chỉ số "NL01" đã có').waitFor();

    await form.fill({ code: 'E2E01', section: '3' });
    expect(await page.getByText('Mã chỉ số "NL01" đã có').count()).toBe(0);
    await screenshot(page, 'analytics-indicator-form');
    expect(await form.save('Thêm chỉ số')).toBe('Đã thêm chỉ số.');
    await page.getByRole('heading', { level: 1, name: 'E2E01 Số lớp tập huấn (E2E)' }).waitFor();
    expect(await page.locator('.facts').innerText()).toContain(
      'Tính từ ghi nhận thực hiện: đếm số bản ghi; loại ghi nhận: tập huấn',
    );
    // It counts the same training records as NL01, at once.
    const ours = await apiGet<Pivot>(page, '/api/pivot?rows=province&cols=year&indicator=E2E01');
    const nl01 = await apiGet<Pivot>(page, '/api/pivot?rows=province&cols=year&indicator=NL01');
    expect(ours.totals.grand).toBe(nl01.totals.grand);
    expect(ours.totals.grand).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Danh sách chỉ số' }).click();
    await page.getByLabel('Tìm chỉ số').fill('E2E01');
    await page.getByRole('link', { name: 'Số lớp tập huấn (E2E)', exact: true }).click();

    const edit = await IndicatorFormPage.openEdit(page);
    // Someone else saves first: the form says so and keeps nothing stale.
    await patchIndicatorUnit(page, 'E2E01', 'lớp học');
    await edit.fill({ nameVi: 'Số lớp tập huấn do Hội tổ chức (E2E)' });
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Chỉ số đã được người khác sửa sau khi bạn mở.').waitFor();
    await page.getByRole('button', { name: 'Tải bản mới nhất, bỏ thay đổi của tôi' }).click();
    await expect.poll(() => page.getByLabel('Đơn vị tính').inputValue()).toBe('lớp học');
    await edit.fill({ nameVi: 'Số lớp tập huấn do Hội tổ chức (E2E)' });
    expect(await edit.save('Lưu thay đổi')).toBe('Đã lưu thay đổi.');
    await page.getByRole('heading', { level: 1, name: 'E2E01 Số lớp tập huấn do Hội tổ chức (E2E)' }).waitFor();
    await page.getByRole('link', { name: 'Danh sách chỉ số' }).click();
    await page.getByRole('link', { name: 'Số lớp tập huấn do Hội tổ chức (E2E)', exact: true }).waitFor();
  });

  it('shows the indicator form on a phone, and no add button to a provincial coordinator', async () => {
    session = await openBrowser(PHONE);
    const { page } = session;
    await (await LoginPage.open(page)).loginAs('dienbien.hoiphunu');
    await page.goto('/indicators');
    await page.getByRole('link', { name: 'Số lớp tập huấn, bồi dưỡng được tổ chức' }).waitFor();
    expect(await page.getByRole('link', { name: '+ Thêm chỉ số' }).count()).toBe(0);
    await session.close();

    session = await openBrowser(PHONE);
    await (await LoginPage.open(session.page)).loginAs('tw.hoiphunu');
    await session.page.goto('/indicators/new');
    const form = new IndicatorFormPage(session.page);
    await form.chooseSource('Tính từ ghi nhận thực hiện');
    await form.tick('Tập huấn');
    await form.chooseMeasure('Cộng số người tham gia');
    await screenshot(session.page, 'analytics-indicator-form-phone');
    const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
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
