import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, PHONE, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { RegistryPage } from './pages/RegistryPages';

describe('the community-model registry in the browser', () => {
  let session: BrowserSession | undefined;

  afterEach(async () => {
    await session?.close();
    session = undefined;
  });

  it('registers a community communication team with members, finds it without diacritics and counts it', async () => {
    session = await openBrowser();
    const frame = await (await LoginPage.open(session.page)).loginAs('dienbien.hoiphunu');
    await frame.openSection('Mô hình cộng đồng');
    const registry = new RegistryPage(session.page);
    await registry.openTab('Thống kê, bản đồ');
    const before = await registry.activeCount('11', 'to_truyen_thong');

    await registry.openTab('Danh sách');
    const form = await registry.startNewModel();
    await form.fill({
      type: 'Tổ truyền thông cộng đồng',
      name: 'Tổ truyền thông cộng đồng bản Huổi Hẹ',
      foundedOn: '15/03/2025',
      leader: 'Lò Thị Xuân',
      village: 'Bản Huổi Hẹ',
    });
    await form.chooseCommune('muong phang', 'Xã Mường Phăng');
    await form.addMembers('thai', 'Thái', { female: 6, male: 4 });
    await form.addMembers('mong', 'Mông', { female: 3 });
    expect(await form.save()).toBe('13 thành viên: 9 nữ, 4 nam');
    await screenshot(session.page, 'model-detail');

    await frame.openSection('Mô hình cộng đồng');
    await registry.waitUntilLoaded();
    await registry.search('huoi he');
    expect(await registry.resultNames()).toContain('Tổ truyền thông cộng đồng bản Huổi Hẹ');

    await registry.openTab('Thống kê, bản đồ');
    await registry.waitForMap();
    await expect.poll(() => registry.activeCount('11', 'to_truyen_thong'), { timeout: 20_000 }).toBe(before + 1);
    await screenshot(session.page, 'model-statistics');
  });

  it('shows the statistics map on a phone', async () => {
    session = await openBrowser(PHONE);
    const frame = await (await LoginPage.open(session.page)).loginAs('tw.hoiphunu');
    await frame.openSection('Mô hình cộng đồng');
    const registry = new RegistryPage(session.page);
    await registry.openTab('Thống kê, bản đồ');
    await registry.waitForMap();

    await session.page.locator('svg path[data-code="11"]').dispatchEvent('click');

    expect(await session.page.getByTestId('map-info').innerText()).toContain('Tỉnh Điện Biên');
    await screenshot(session.page, 'model-map-phone');
  });
});
