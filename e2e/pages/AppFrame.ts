import type { Page } from 'playwright-core';
import { AdminUnitsPage } from './AdminUnitsPage';
import { AgenciesPage } from './AgenciesPage';

/** The header and navigation around every page once logged in. */
export class AppFrame {
  constructor(readonly page: Page) {}

  /** On a phone the navigation is hidden until the menu button is pressed. */
  get nav() {
    return this.page.getByRole('navigation', { name: 'Điều hướng chính', includeHidden: true });
  }

  get userBox() {
    return this.page.getByTestId('user-box');
  }

  async waitUntilReady(): Promise<void> {
    await this.userBox.waitFor();
  }

  /** The labels of the navigation links, visible or behind the phone menu. */
  async navEntries(): Promise<string[]> {
    const texts = await this.nav.getByRole('link', { includeHidden: true }).allTextContents();
    return texts.map((text) => text.trim());
  }

  async openSection(name: string): Promise<void> {
    // The frame first, then whichever is drawn: the link (desktop) or the phone's menu button. Right
    // after login the menu button may not be drawn yet, and isVisible() does not wait.
    await this.waitUntilReady();
    const menu = this.page.getByRole('button', { name: 'Menu' });
    const link = this.nav.getByRole('link', { name, exact: true });
    await menu.or(link).first().waitFor();
    // On a phone: open the menu, and open it again if a navigation closed it meanwhile (the app
    // closes it on every change of page, and right after login it may still be settling).
    for (let tries = 0; tries < 5 && !(await link.isVisible()); tries++) {
      if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
      await link.waitFor({ state: 'visible', timeout: 2_000 }).catch(() => undefined);
    }
    await link.click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async openAdminUnits(): Promise<AdminUnitsPage> {
    await this.openSection('Đơn vị hành chính');
    const page = new AdminUnitsPage(this.page);
    await page.waitUntilLoaded();
    return page;
  }

  async openAgencies(): Promise<AgenciesPage> {
    await this.openSection('Cơ quan');
    const page = new AgenciesPage(this.page);
    await page.waitUntilLoaded();
    return page;
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
    await this.page.getByLabel('Tên đăng nhập').waitFor();
  }
}
