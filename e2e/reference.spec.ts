import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { AdminUnitsPage } from './pages/AdminUnitsPage';

describe('reference data in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('finds Điện Biên when an administrator types "dien bien" without diacritics', async () => {
    session = await openBrowser();
    const frame = await (await LoginPage.open(session.page)).loginAs('admin');
    const units = await frame.openAdminUnits();

    await units.search('dien bien');

    await expect.poll(() => units.resultNames()).toContain('Tỉnh Điện Biên');
    await screenshot(session.page, 'admin-units-dien-bien');
  });

  it('shows where a commune went on 1/7/2025, whole or in part', async () => {
    session = await openBrowser();
    await (await LoginPage.open(session.page)).loginAs('admin');
    await session.page.goto('/admin-units?generation=2024');
    const units = new AdminUnitsPage(session.page);
    await units.waitUntilLoaded();

    await units.search('cong vi');
    await expect.poll(() => units.resultNames()).toContain('Phường Cống Vị');
    await units.openUnit('Phường Cống Vị');

    const lineage = await units.lineage();
    expect(lineage.some((entry) => entry.includes('Phường Ngọc Hà') && entry.includes('một phần'))).toBe(true);
    await screenshot(session.page, 'admin-unit-lineage');
  });

  it('names the ethnic-affairs agency as it was on the date chosen', async () => {
    session = await openBrowser();
    const frame = await (await LoginPage.open(session.page)).loginAs('admin');
    const agencies = await frame.openAgencies();
    expect(await agencies.agencyNames()).toContain('Bộ Dân tộc và Tôn giáo');

    await agencies.showNamesAt('18/07/2022');

    await expect.poll(() => agencies.agencyNames()).toContain('Ủy ban Dân tộc');
    expect(await agencies.agencyNames()).not.toContain('Bộ Dân tộc và Tôn giáo');
  });

  it('shows a provincial coordinator no audit-log entry in the navigation, on a phone', async () => {
    session = await openBrowser(PHONE);
    const frame = await (await LoginPage.open(session.page)).loginAs('laocai.hoiphunu');

    const entries = await frame.navEntries();

    expect(entries).toContain('Đơn vị hành chính');
    expect(entries).not.toContain('Nhật ký');
    expect(await frame.userBox.innerText()).toContain('Lò Thị Mai');
    await screenshot(session.page, 'laocai-home-phone');
  });

  it('tells the user when the password is wrong', async () => {
    session = await openBrowser();
    const login = await LoginPage.open(session.page);

    await login.submit('admin', 'not-the-password');

    expect(await login.error.innerText()).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });
});
