// Saved pivot views across users: one user of the Điện Biên women's union saves a shared view, a
// colleague of the same agency logs in on another browser, opens it and sees the same pivot.
import { afterEach, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { LoginPage } from './pages/LoginPage';
import { PivotPage } from './pages/AnalyticsPages';
import { SavedViewsPanel } from './pages/SavedViewsPanel';

describe('saved pivot views', () => {
  const sessions: BrowserSession[] = [];

  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close();
  });

  it('lets a colleague of the same agency reopen a shared view and see the same pivot', async () => {
    const first = await openBrowser();
    sessions.push(first);
    const frame = await (await LoginPage.open(first.page)).loginAs('dienbien.hoiphunu');
    await frame.openSection('Bảng tổng hợp');
    const pivot = new PivotPage(first.page);
    await pivot.removeDimension('Chỉ số');
    await pivot.chooseIndicator('NL01');
    await pivot.addToRows('Tỉnh, thành phố');
    // The checkbox follows the address: click, then wait for the address to say so.
    await first.page.getByLabel('Hiện chỉ tiêu và tỷ lệ đạt').click();
    await first.page.waitForURL(/targets=1/);
    const saved = await pivot.read();
    const savedQuery = new URL(first.page.url()).searchParams;
    expect(savedQuery.get('rows')).toBe('province');

    const name = `Tập huấn theo tỉnh ${Date.now()}`;
    const views = new SavedViewsPanel(first.page);
    expect(await views.save(name, true)).toBe(`Đã lưu chế độ xem "${name}".`);
    await expect.poll(() => views.offered()).toContain(`${name} · chia sẻ`);
    expect(await views.canRename()).toBe(true);
    await screenshot(first.page, 'saved-views-owner');

    // Another user of the same agency, on another browser, starts from the default pivot.
    const second = await openBrowser();
    sessions.push(second);
    const colleague = await (await LoginPage.open(second.page)).loginAs('dienbien.nhaplieu');
    await colleague.openSection('Bảng tổng hợp');
    const theirPivot = new PivotPage(second.page);
    await theirPivot.waitForTable();
    expect(await theirPivot.read()).not.toEqual(saved);
    const theirViews = new SavedViewsPanel(second.page);
    await expect.poll(() => theirViews.offered()).toContain(`${name} (của Lò Thị Hoa (Hội LHPN Điện Biên))`);
    await theirViews.open(name);
    await second.page.waitForURL(/view=\d+/);
    expect(await theirPivot.read()).toEqual(saved);
    const opened = new URL(second.page.url()).searchParams;
    for (const key of ['rows', 'cols', 'indicator', 'targets']) expect(opened.get(key)).toBe(savedQuery.get(key));
    await expect
      .poll(() =>
        second.page.getByText('Chế độ xem của Lò Thị Hoa (Hội LHPN Điện Biên), chia sẻ trong cơ quan.').isVisible(),
      )
      .toBe(true);
    // Read-only for the colleague: only the owner renames or deletes.
    expect(await theirViews.canRename()).toBe(false);
    expect(await theirViews.canDelete()).toBe(false);
    await screenshot(second.page, 'saved-views-colleague');

    // A user of another agency does not see it, and its address answers 404.
    const id = Number(opened.get('view'));
    const third = await openBrowser();
    sessions.push(third);
    await (await LoginPage.open(third.page)).loginAs('laocai.dantoc');
    const status = await third.page.evaluate(async (viewId) => (await fetch(`/api/saved-views/${viewId}`)).status, id);
    expect(status).toBe(404);
  });
});
